package io.lyncaudit.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package-info promises of the spreadsheet, neutral, Windows, Cisco, iptables, nftables, PAN-OS, SRX and FortiGate importers true. */
class ImporterPackagesTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lyncaudit.importer");
    }

    @Test
    void sheetImporterSeesNoOtherImporterAndNoJackson() {
        noClasses().that().resideInAPackage("io.lyncaudit.importer.sheet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lyncaudit.importer.neutral..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void neutralImporterSeesNoOtherImporterNoPoiNoCsv() {
        noClasses().that().resideInAPackage("io.lyncaudit.importer.neutral..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lyncaudit.importer.sheet..", "org.apache.poi..",
                        "org.apache.commons.csv..")
                .check(classes);
    }

    @Test
    void ciscoImportersSeeNoOtherImporterAndNoLibraries() {
        noClasses().that().resideInAnyPackage("io.lyncaudit.importer.asa..", "io.lyncaudit.importer.ios..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lyncaudit.importer.sheet..", "io.lyncaudit.importer.neutral..",
                        "com.fasterxml..", "org.apache..", "org.yaml..")
                .check(classes);
        noClasses().that().resideInAPackage("io.lyncaudit.importer.asa..")
                .should().dependOnClassesThat().resideInAPackage("io.lyncaudit.importer.ios..").check(classes);
        noClasses().that().resideInAPackage("io.lyncaudit.importer.ios..")
                .should().dependOnClassesThat().resideInAPackage("io.lyncaudit.importer.asa..").check(classes);
    }

    @Test
    void iptablesImporterSeesNoOtherImporterNoJacksonNoPoi() {
        noClasses().that().resideInAPackage("io.lyncaudit.importer.iptables..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lyncaudit.importer.sheet..", "io.lyncaudit.importer.neutral..",
                        "io.lyncaudit.importer.nftables..", "com.fasterxml..", "org.apache.poi..", "org.apache.commons.csv..")
                .check(classes);
    }

    @Test
    void nftablesImporterSeesNoOtherImporterNoPoi() {
        noClasses().that().resideInAPackage("io.lyncaudit.importer.nftables..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lyncaudit.importer.sheet..", "io.lyncaudit.importer.neutral..",
                        "io.lyncaudit.importer.iptables..", "org.apache.poi..", "org.apache.commons.csv..")
                .check(classes);
    }

    @Test
    void panosImporterSeesOnlyJavaItsXmlStreamModelPolicyAndTheReadingHelpers() {
        classes().that().resideInAPackage("io.lyncaudit.importer.panos..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "javax.xml.stream..",
                        "io.lyncaudit.model..", "io.lyncaudit.policy..", "io.lyncaudit.io..", "io.lyncaudit.importer.panos..")
                        .or(JavaClass.Predicates.belongToAnyOf(Importer.class, LineLedger.class, LineLedger.Verdict.class, ConfigText.class,
                                ConfigText.Source.class)))
                .check(classes);
    }

    @Test
    void srxImporterSeesOnlyJavaModelPolicyAndTheSharedReadingClasses() {
        classes().that().resideInAPackage("io.lyncaudit.importer.srx..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "io.lyncaudit.model..",
                        "io.lyncaudit.policy..", "io.lyncaudit.importer.srx..")
                        .or(JavaClass.Predicates.belongToAnyOf(Importer.class, LineLedger.class, LineLedger.Verdict.class, ConfigText.class,
                                ConfigText.Source.class, MatchSpan.class)))
                .check(classes);
    }

    @Test
    void fortigateImporterSeesOnlyJavaModelPolicyAndTheSharedImporterClasses() {
        classes().that().resideInAPackage("io.lyncaudit.importer.fortigate..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "io.lyncaudit.model..",
                        "io.lyncaudit.policy..", "io.lyncaudit.importer", "io.lyncaudit.importer.fortigate.."))
                .check(classes);
    }

    @Test
    void importersUseOnlyModelPolicyAndTheImporterInterface() {
        noClasses().that().resideInAnyPackage("io.lyncaudit.importer.sheet..", "io.lyncaudit.importer.neutral..",
                        "io.lyncaudit.importer.asa..", "io.lyncaudit.importer.ios..",
                        "io.lyncaudit.importer.iptables..", "io.lyncaudit.importer.nftables..", "io.lyncaudit.importer.panos..",
                        "io.lyncaudit.importer.srx..",
                        "io.lyncaudit.importer.fortigate..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lyncaudit.finding..", "io.lyncaudit.report..",
                        "io.lyncaudit.cli..", "org.drools..", "org.kie..")
                .check(classes);
    }

    @Test
    void windowsImporterSeesOnlyJavaModelPolicyIpsecIoAndTheReadingHelpers() {
        classes().that().resideInAPackage("io.lyncaudit.importer.windows..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "io.lyncaudit.model..",
                        "io.lyncaudit.policy..", "io.lyncaudit.ipsec..", "io.lyncaudit.io..", "io.lyncaudit.importer.windows..")
                        .or(JavaClass.Predicates.belongToAnyOf(Importer.class, LineLedger.class, ConfigText.class, ConfigText.Source.class)))
                .check(classes);
    }
}
