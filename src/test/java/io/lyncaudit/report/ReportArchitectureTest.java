package io.lyncaudit.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package-info promises of report and report.xlsx true. */
class ReportArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lyncaudit.report");
    }

    @Test
    void reportSeesOnlyFindingJacksonCommonsCsvAndStax() {
        classes().that().resideInAPackage("io.lyncaudit.report")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.lyncaudit.report", "io.lyncaudit.finding..", "com.fasterxml.jackson..", "org.apache.commons.csv..", "javax.xml.stream..")
                .check(main);
    }

    @Test
    void reportXlsxSeesOnlyReportFindingAndPoi() {
        classes().that().resideInAPackage("io.lyncaudit.report.xlsx")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.lyncaudit.report..", "io.lyncaudit.finding..", "org.apache.poi..")
                .check(main);
    }

    @Test
    void nothingWritesFormulas() {
        noClasses().should().callMethodWhere(
                        com.tngtech.archunit.base.DescribedPredicate.describe("setCellFormula",
                                call -> call.getTarget().getName().equals("setCellFormula")))
                .check(main);
    }

    @Test
    void zipBombLimitsAreLeftAlone() {
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.poi.openxml4j.util.ZipSecureFile")
                .check(main);
    }
}
