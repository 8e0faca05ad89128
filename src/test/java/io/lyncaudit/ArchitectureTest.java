package io.lyncaudit;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import io.lyncaudit.cli.Main;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the promises of the {@code package-info.java} files true: the package tree reads as the
 * pipeline (STYLE.md, point 1), third-party libraries stay in the one package that owns them, and
 * only {@code cli.Main} touches the console and the process.
 *
 * <p>Parts are covered elsewhere and not repeated here: {@code report.ReportArchitectureTest} (what
 * {@code report} and {@code report.xlsx} may see, no formulas, zip-bomb limits left alone) and
 * {@code importer.ImporterPackagesTest} (which libraries each vendor importer may see).
 *
 * <p>The classes the build generates from the DRL files ({@code io.lyncaudit.rules..}) see Drools
 * and every fact class by nature, so the dependency rules leave them out; only
 * {@link #ruleConsequencesNeverPrintOrExit()} looks at them.
 */
class ArchitectureTest {

    /**
     * Classes outside audit, report, deployment (and BadInputException) that cli still uses directly.
     * The wiring behind them belongs in {@code audit}; this list should only ever shrink.
     */
    private static final Set<String> CLI_SHORTCUTS = Set.of(
            "io.lyncaudit.engine.RuleEngine",              // AuditCommand, RequirementsCommand build the engine
            "io.lyncaudit.gate.GatePolicy",                // AuditCommand builds the gate from --fail-on
            "io.lyncaudit.gate.GateDecision",              // AuditCommand reads Auditor.Result#gate()
            "io.lyncaudit.finding.Severity",               // AuditCommand, the type of GatePolicy.parseFailOn
            "io.lyncaudit.importer.Importers",             // ParseCommand; TraceCommand, the decoded head of a deployment
            "io.lyncaudit.importer.Importers$UnknownVendorException", // ParseCommand
            "io.lyncaudit.importer.ImportOptions",        // ParseCommand's --action
            "io.lyncaudit.report.xlsx.TableXlsx");         // Outputs, for `requirements --format xlsx`

    private static JavaClasses main() {
        return MainCode.handWritten();
    }

    /** A rule that classes in {@code pkg} depend on nothing but java, their own package and {@code allowed}. */
    private static ArchRule onlyDependsOn(String pkg, String... allowed) {
        List<String> packages = new ArrayList<>(List.of("java..", pkg));
        packages.addAll(Arrays.asList(allowed));
        return classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new));
    }

    // ---- the pipeline, bottom to top -------------------------------------------------------------

    @Test
    void modelDependsOnNothingButJava() {
        onlyDependsOn("io.lyncaudit.model..").check(main());
    }

    @Test
    void policySeesOnlyTheModel() {
        onlyDependsOn("io.lyncaudit.policy..", "io.lyncaudit.model..").check(main());
    }

    @Test
    void importerInterfaceAndRegistrySeeOnlyModelPolicyAndTheVendorImporters() {
        // the closed registry Importers names its implementations, so it sees the vendor packages;
        // io is how bytes become text (InputText), shared with the deployment and waiver loaders
        onlyDependsOn("io.lyncaudit.importer", "io.lyncaudit.model..", "io.lyncaudit.policy..", "io.lyncaudit.ipsec..",
                "io.lyncaudit.io..", "io.lyncaudit.importer..").check(main());
    }

    @Test
    void vendorImportersSeeNoProjectPackageButModelPolicyAndTheImporterInterface() {
        // libraries per vendor: ImporterPackagesTest, and the POI/Drools/picocli rules below
        classes().that().resideInAPackage("io.lyncaudit.importer.*..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.lyncaudit..")
                        .or(resideInAnyPackage("io.lyncaudit.model..", "io.lyncaudit.policy..", "io.lyncaudit.ipsec..",
                                "io.lyncaudit.io..", "io.lyncaudit.importer..")))
                .check(main());
    }

    @Test
    void vendorImportersNeverSeeEachOther() {
        // the general form of ImporterPackagesTest's sheet/neutral rules, for every future vendor package too
        slices().matching("io.lyncaudit.importer.(*)..").should().notDependOnEachOther().check(main());
    }

    @Test
    void vendorImportersNeverSeeTheRegistry() {
        noClasses().that().resideInAPackage("io.lyncaudit.importer.*..")
                .should().dependOnClassesThat(type(Importers.class))
                .check(main());
    }

    @Test
    void ipsecSeesOnlyModelAndPolicy() {
        onlyDependsOn("io.lyncaudit.ipsec..", "io.lyncaudit.model..", "io.lyncaudit.policy..").check(main());
    }

    @Test
    void ioSeesOnlyModelAndSnakeYaml() {
        onlyDependsOn("io.lyncaudit.io..", "io.lyncaudit.model..", "org.yaml.snakeyaml..").check(main());
    }

    @Test
    void deploymentSeesOnlyModelAndIo() {
        onlyDependsOn("io.lyncaudit.deployment..", "io.lyncaudit.model..", "io.lyncaudit.io..").check(main());
    }

    @Test
    void catalogSeesOnlyModelFindingsAndCommonsCsv() {
        onlyDependsOn("io.lyncaudit.catalog..", "io.lyncaudit.model..", "io.lyncaudit.finding..", "org.apache.commons.csv..").check(main());
    }

    @Test
    void analysisSeesOnlyModelPolicyDeploymentCatalogAndFindings() {
        onlyDependsOn("io.lyncaudit.analysis..", "io.lyncaudit.model..", "io.lyncaudit.policy..", "io.lyncaudit.deployment..",
                "io.lyncaudit.catalog..", "io.lyncaudit.ipsec..", "io.lyncaudit.finding..").check(main());
    }

    @Test
    void engineSeesOnlyModelCatalogFindingsAndDrools() {
        onlyDependsOn("io.lyncaudit.engine..", "io.lyncaudit.model..", "io.lyncaudit.catalog..", "io.lyncaudit.finding..",
                "org.drools..", "org.kie..").check(main());
    }

    @Test
    void findingDependsOnNothingButJava() {
        onlyDependsOn("io.lyncaudit.finding..").check(main());
    }

    @Test
    void waiverSeesOnlyFindingsModelAndIo() {
        onlyDependsOn("io.lyncaudit.waiver..", "io.lyncaudit.finding..", "io.lyncaudit.model..", "io.lyncaudit.io..").check(main());
    }

    @Test
    void gateSeesOnlyFindings() {
        onlyDependsOn("io.lyncaudit.gate..", "io.lyncaudit.finding..").check(main());
    }

    @Test
    void auditSeesThePipelineButNoVendorPackageNoCliAndNoLibrary() {
        onlyDependsOn("io.lyncaudit.audit..", "io.lyncaudit.model..", "io.lyncaudit.policy..", "io.lyncaudit.importer",
                "io.lyncaudit.deployment..", "io.lyncaudit.catalog..", "io.lyncaudit.analysis..", "io.lyncaudit.engine..",
                "io.lyncaudit.ipsec..", "io.lyncaudit.finding..", "io.lyncaudit.gate..", "io.lyncaudit.report",
                "io.lyncaudit.waiver..").check(main());
    }

    @Test
    void cliSeesAuditReportDeploymentAndTheListedShortcutsOnly() {
        DescribedPredicate<JavaClass> shortcut = describe("one of the listed cli shortcuts",
                c -> CLI_SHORTCUTS.contains(c.getName()));
        classes().that().resideInAPackage("io.lyncaudit.cli..")
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "picocli..", "io.lyncaudit.cli..", "io.lyncaudit.audit..", "io.lyncaudit.report",
                                "io.lyncaudit.deployment..")
                                .or(type(BadInputException.class))
                                .or(shortcut))
                .check(main());
    }

    // ---- third-party libraries stay where they belong --------------------------------------------

    @Test
    void onlyEngineSeesDrools() {
        noClasses().that().resideOutsideOfPackage("io.lyncaudit.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
                .check(main());
    }

    @Test
    void onlyTheSpreadsheetImporterAndTheXlsxReportSeePoi() {
        // org.openxmlformats.. are POI's OOXML schema classes (poi-ooxml-lite)
        noClasses().that().resideOutsideOfPackages("io.lyncaudit.importer.sheet..", "io.lyncaudit.report.xlsx..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.openxmlformats..")
                .check(main());
    }

    @Test
    void onlyCliSeesPicocli() {
        noClasses().that().resideOutsideOfPackage("io.lyncaudit.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(main());
    }

    // ---- no cycles ------------------------------------------------------------------------------

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.lyncaudit.(*)..").should().beFreeOfCycles().check(main());
    }

    @Test
    void allPackagesAreFreeOfCyclesButTheImporterRegistry() {
        // Importers must name its implementations (a closed registry, STYLE.md point 7), and they
        // implement Importer from the same package: that one cycle is by design, no other is.
        slices().matching("io.lyncaudit.(**)").should().beFreeOfCycles()
                .ignoreDependency(type(Importers.class), resideInAnyPackage("io.lyncaudit.importer.*.."))
                .check(main());
    }

    // ---- the console and the process belong to cli.Main -----------------------------------------

    @Test
    void onlyMainExits() {
        exitsOrPrintsStackTraces(noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName()), false).check(main());
    }

    @Test
    void onlyMainPrintsStackTraces() {
        noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().callMethodWhere(PRINT_STACK_TRACE)
                .check(main());
    }

    @Test
    void nothingOutsideCliWritesToTheConsole() {
        usesConsoleStreams(noClasses().that().resideOutsideOfPackage("io.lyncaudit.cli..")).check(main());
    }

    @Test
    void insideCliOnlyMainTouchesTheConsoleStreams() {
        // the commands write to picocli's out/err, which Main.run sets, so tests can capture them
        usesConsoleStreams(noClasses().that().resideInAPackage("io.lyncaudit.cli..")
                .and().doNotHaveFullyQualifiedName(Main.class.getName())).check(main());
    }

    @Test
    void ruleConsequencesNeverPrintOrExit() {
        // STYLE.md point 4: consequences call a sink, never print; checked on the classes generated from the DRL
        exitsOrPrintsStackTraces(noClasses().that().resideInAPackage(MainCode.GENERATED_RULES), true)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(MainCode.all());
    }

    @Test
    void noHandWrittenSourceHidesInTheGeneratedRulesPackage() {
        // the rules above leave io.lyncaudit.rules.. out, so nothing written by hand may live there
        assertFalse(Files.exists(Path.of("src/main/java/io/lyncaudit/rules")),
                "src/main/java/io/lyncaudit/rules is reserved for the classes generated from rules/*.drl");
    }

    private static final DescribedPredicate<JavaMethodCall> PRINT_STACK_TRACE = describe("Throwable.printStackTrace",
            call -> call.getTarget().getName().equals("printStackTrace")
                    && call.getTarget().getOwner().isAssignableTo(Throwable.class));

    private static ClassesShouldConjunction exitsOrPrintsStackTraces(GivenClassesConjunction given, boolean orPrintsStackTraces) {
        ClassesShouldConjunction rule = given.should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class);
        return orPrintsStackTraces ? rule.orShould().callMethodWhere(PRINT_STACK_TRACE) : rule;
    }

    private static ClassesShouldConjunction usesConsoleStreams(GivenClassesConjunction given) {
        return given.should().accessField(System.class, "out").orShould().accessField(System.class, "err");
    }
}
