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
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalog's test cases as data: one file per requirement under
 * src/test/resources/catalog-cases, each case a whole firewall policy and the status the
 * requirement must get on it. A file runs against deployment-nat.yaml unless it names another
 * ({@code deployment: deployment-hlb.yaml}); a single case may name its own deployment and firewall.
 * A requirement that only justifies (an endpoint such as {@code internal()}: nothing is required)
 * has no status; its cases expect {@code JUSTIFIED} (no EXTRA finding on the firewall) or
 * {@code EXTRA} instead.
 */
class CatalogCasesTest {
    private static final Path DIR = Path.of("src/test/resources/catalog-cases");
    private static final RuleEngine ENGINE = RuleEngine.builtIn();

    private static List<Path> caseFiles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().startsWith("L13-")).sorted().toList();
        }
    }

    /** The deployment a case runs against: its own 'deployment', else its file's, else deployment-nat.yaml. */
    static final String DEFAULT_DEPLOYMENT = "deployment-nat.yaml";

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsExpectedStatus() throws Exception {
        Map<String, Deployment> deployments = new HashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : caseFiles()) {
            JsonNode doc = yaml.readTree(file.toFile());
            String id = doc.get("requirement").asText();
            String fileFirewall = doc.get("firewall").asText(), fileDeployment = text(doc, "deployment", DEFAULT_DEPLOYMENT);
            for (JsonNode c : doc.get("cases")) {
                String expect = c.get("expect").asText();
                String firewall = text(c, "firewall", fileFirewall), deployment = text(c, "deployment", fileDeployment);
                if (!deployments.containsKey(deployment)) {
                    deployments.put(deployment, DeploymentLoader.load(DIR.resolve(deployment), deployment));
                }
                Deployment d = deployments.get(deployment);
                ImportResult policy = TestPolicies.parse(file.getFileName().toString(), c.get("rules").asText());
                String where = deployment.equals(DEFAULT_DEPLOYMENT) ? "" : " [" + deployment + "]";
                tests.add(DynamicTest.dynamicTest(id + ": " + c.get("name").asText() + where, () -> {
                    Auditor auditor = new Auditor(ENGINE, fw -> fw.name().equals(firewall) ? policy
                            : TestPolicies.parse("other.txt", "deny ip any any"));
                    Report r = auditor.audit(d, new GatePolicy(Severity.HIGH, false)).report();
                    String status = r.requirements().stream()
                            .filter(m -> m.requirement().id().equals(id) && m.firewall().equals(firewall))
                            .map(Report.RequirementStatus::status).findFirst().orElse("NOT CHECKED");
                    if (EXTRA_EXPECTATIONS.contains(expect)) {
                        // what a requirement allows: is any opening on this firewall reported as EXTRA?
                        status = r.findings().stream().anyMatch(f -> f.type() == FindingType.EXTRA && f.firewall().equals(firewall))
                                ? "EXTRA" : "JUSTIFIED";
                    }
                    assertEquals(expect, status, id + " on " + firewall + " of " + deployment);
                }));
            }
        }
        return tests.stream();
    }

    /** Expectations about EXTRA findings on the firewall rather than about the requirement's status. */
    static final Set<String> EXTRA_EXPECTATIONS = Set.of("JUSTIFIED", "EXTRA");

    /**
     * Every requirement of the catalog has a case file with a satisfied case and a finding case; one
     * that requires nothing (only justifies) has a JUSTIFIED and an EXTRA case.
     */
    @Test
    void everyRequirementHasASatisfiedAndAFindingCase() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> covered = new TreeSet<>();
        // IPsec exceptions are checked against IPsec inputs, not firewalls: their case files live
        // under ipsec-cases/ (IpsecCasesTest runs them)
        Set<String> justifiesOnly = new TreeSet<>();
        for (RequirementSpec s : ENGINE.catalog()) {
            if (s.flow().from().justifiesOnly() || s.flow().to().justifiesOnly()) justifiesOnly.add(s.id());
        }
        List<Path> files = new ArrayList<>(caseFiles());
        files.addAll(IpsecCasesTest.caseFiles());
        for (Path file : files) {
            JsonNode doc = yaml.readTree(file.toFile());
            assertEquals(file.getFileName().toString(), doc.get("requirement").asText() + ".yaml", "file named by its requirement");
            boolean satisfied = false, finding = false;
            String ok = justifiesOnly.contains(doc.get("requirement").asText()) ? "JUSTIFIED" : "SATISFIED";
            for (JsonNode c : doc.get("cases")) {
                if (c.get("expect").asText().equals(ok)) satisfied = true;
                else finding = true;
            }
            assertTrue(satisfied && finding, file + " needs a " + ok + " case and a finding case");
            covered.add(doc.get("requirement").asText());
        }
        Set<String> catalog = new TreeSet<>();
        for (RequirementSpec s : ENGINE.catalog()) catalog.add(s.id());
        assertEquals(catalog, covered, "one case file per requirement rule");
    }

    /**
     * Requirements whose role the deployment lacks yield nothing: deployment-nat.yaml has no
     * reverse proxy and no Office Web Apps, so the reverse proxy rules neither check a firewall
     * nor leave a "not checked" note.
     */
    @Test
    void requirementsOfAbsentRolesAreSilent() throws Exception {
        Deployment d = DeploymentLoader.load(DIR.resolve("deployment-nat.yaml"), "deployment-nat.yaml");
        Report r = new Auditor(ENGINE, fw -> TestPolicies.parse("other.txt", "deny ip any any"))
                .audit(d, new GatePolicy(Severity.HIGH, false)).report();
        assertTrue(r.requirements().stream().noneMatch(m -> m.requirement().id().startsWith("L13-RP-")), "no reverse proxy checks");
        assertTrue(r.diagnostics().stream().noneMatch(x -> x.toString().contains("L13-RP-")), "no note about reverse proxy rules");
        assertTrue(r.requirements().stream().anyMatch(m -> m.requirement().id().equals("L13-DIR-006")), "the Director is present");
    }
}
