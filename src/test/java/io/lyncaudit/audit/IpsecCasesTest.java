package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IPsec exceptions' test cases as data: one file per exception under
 * src/test/resources/ipsec-cases, each case a whole IPsec rule sheet (CSV text) and the status
 * the exception must get on it: SATISFIED, IPSEC_MISSING, or IPSEC_EXTRA (the sheet exempts more
 * than the table asks; a SATISFIED case must have no IPSEC_EXTRA finding either).
 */
class IpsecCasesTest {
    static final Path DIR = Path.of("src/test/resources/ipsec-cases");
    private static final RuleEngine ENGINE = RuleEngine.builtIn();

    @TempDir
    static Path tmp;

    static List<Path> caseFiles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().startsWith("L13-")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsExpectedStatus() throws Exception {
        Deployment d = DeploymentLoader.load(DIR.resolve("deployment.yaml"), "deployment.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (Path file : caseFiles()) {
            JsonNode doc = yaml.readTree(file.toFile());
            String id = doc.get("requirement").asText();
            for (JsonNode c : doc.get("cases")) {
                String expect = c.get("expect").asText();
                Path csv = tmp.resolve((n++) + ".csv");
                Files.writeString(csv, c.get("rules").asText(), StandardCharsets.UTF_8);
                tests.add(DynamicTest.dynamicTest(id + ": " + c.get("name").asText(), () -> {
                    IpsecPolicy policy = Importers.loadIpsec(csv, "ipsec.csv", null);
                    assertEquals(List.of(), policy.diagnostics().stream().filter(x -> !x.message().equals("rule disabled")).toList(),
                            "the case's sheet reads cleanly");
                    Auditor auditor = new Auditor(ENGINE, fw -> TestPolicies.parse("other.txt", "deny ip any any"), in -> policy);
                    Report r = auditor.audit(d, new GatePolicy(Severity.HIGH, false)).report();
                    String status = r.requirements().stream()
                            .filter(m -> m.requirement().id().equals(id) && m.firewall().equals("ipsec.csv"))
                            .map(Report.RequirementStatus::status).findFirst().orElse("NOT CHECKED");
                    boolean extra = r.findings().stream().anyMatch(f -> f.type() == FindingType.IPSEC_EXTRA);
                    if (status.equals("SATISFIED") && extra) status = "IPSEC_EXTRA";
                    assertEquals(expect, status, id + ": " + r.findings().stream()
                            .filter(f -> f.type().name().startsWith("IPSEC")).map(f -> f.message()).toList());
                }));
            }
        }
        return tests.stream();
    }

    /** Without ipsec: inputs the exceptions are not checked at all: no finding, no matrix row, no diagnostic. */
    @Test
    void noIpsecInputMeansNoIpsecNoise() throws Exception {
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/catalog-cases/deployment-nat.yaml"), "deployment-nat.yaml");
        Report r = new Auditor(ENGINE, fw -> TestPolicies.parse("other.txt", "deny ip any any"), in -> {
            throw new AssertionError("no IPsec input to load");
        }).audit(d, new GatePolicy(Severity.HIGH, false)).report();
        assertTrue(r.findings().stream().noneMatch(f -> f.type().name().startsWith("IPSEC")));
        assertTrue(r.requirements().stream().noneMatch(m -> m.requirement().id().startsWith("L13-IPSEC-")));
        assertTrue(r.diagnostics().stream().noneMatch(x -> x.text().startsWith("L13-IPSEC-") || x.message().contains("IPSEC")));
    }

    /** Every IPsec exception has a case file with a satisfied case and a finding case, and only those have one here. */
    @Test
    void everyIpsecExceptionHasASatisfiedAndAFindingCase() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> covered = new TreeSet<>();
        for (Path file : caseFiles()) {
            JsonNode doc = yaml.readTree(file.toFile());
            assertEquals(file.getFileName().toString(), doc.get("requirement").asText() + ".yaml", "file named by its requirement");
            boolean satisfied = false, finding = false;
            for (JsonNode c : doc.get("cases")) {
                if (c.get("expect").asText().equals("SATISFIED")) satisfied = true;
                else finding = true;
            }
            assertTrue(satisfied && finding, file + " needs a SATISFIED case and a finding case");
            covered.add(doc.get("requirement").asText());
        }
        Set<String> ipsec = new TreeSet<>();
        for (RequirementSpec s : ENGINE.catalog()) if (s.isIpsec()) ipsec.add(s.id());
        assertEquals(ipsec, covered, "one case file per IPsec exception under ipsec-cases/");
    }
}
