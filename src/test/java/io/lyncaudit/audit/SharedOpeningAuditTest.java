package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 3: the catalog names the reverse proxy's HTTPS 4443 to the Front End pool in three
 * tables (reverse proxy, internal servers, internal load balancers). On the Northwind sample with
 * those rows removed, the one missing opening must be one finding citing every requirement, and
 * the requirement matrix must keep one line per requirement pointing at it.
 */
class SharedOpeningAuditTest {
    private static final List<String> RP_TO_FE_4443 = List.of("L13-INT-SRV-015", "L13-INT-HLB-007", "L13-RP-INT-002");

    @TempDir
    Path dir;

    /** Audits a copy of the Northwind sample whose edge-internal.csv went through {@code edit}. */
    private Report auditNorthwind(UnaryOperator<String> edit) throws Exception {
        Path copy = dir.resolve("northwind");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("samples/northwind-single-edge-nat"))) {
            for (Path p : files.toList()) Files.copy(p, copy.resolve(p.getFileName()));
        }
        Path internal = copy.resolve("edge-internal.csv");
        String before = Files.readString(internal), after = edit.apply(before);
        assertTrue(!after.equals(before), "the edit changes edge-internal.csv");
        Files.writeString(internal, after);
        Deployment d = DeploymentLoader.load(copy.resolve("deployment.yaml"), "deployment.yaml");
        return new Auditor(RuleEngine.builtIn(), fw -> Importers.load(fw.config(), fw.configDisplay(), fw.format(), fw.profile()))
                .audit(d, new GatePolicy(Severity.HIGH, false)).report();
    }

    /** Drops the rows whose name starts with one of {@code ids}. */
    private static UnaryOperator<String> dropping(String... ids) {
        return text -> text.lines().filter(l -> Stream.of(ids).noneMatch(id -> l.startsWith(id + " ")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<Finding> onEdgeInternal(Report r) throws IOException {
        return r.findings().stream().filter(f -> f.firewall().equals("edge-internal")).toList();
    }

    @Test
    void theReverseProxyTo4443IsOneFindingCitingEveryRequirement() throws Exception {
        Report r = auditNorthwind(dropping("L13-INT-SRV-015", "L13-INT-HLB-007"));
        List<Finding> fs = onEdgeInternal(r);
        assertEquals(1, fs.size(), "one opening, one finding: " + fs);
        Finding f = fs.get(0);
        assertEquals(FindingType.MISSING, f.type());
        assertEquals("L13-INT-SRV-015", f.requirement().id(), "the requirement that misses the most: the pool and its VIP");
        assertEquals("TCP 4443 172.25.34.20 -> 10.0.1.10-10.0.1.12", f.flow().toString());
        assertEquals(RP_TO_FE_4443, f.requirements().stream().map(c -> c.requirement().id()).toList());
        assertTrue(f.requirements().stream().allMatch(c -> c.status() == FindingType.MISSING), f.requirements().toString());
        assertTrue(f.requirements().stream().allMatch(c -> !c.requirement().sources().isEmpty()), "every source row is cited");
        assertTrue(f.message().contains("L13-INT-HLB-007") && f.message().contains("L13-RP-INT-002"), f.message());
        assertEquals(1, r.summary().findings().get(FindingType.MISSING), "counted once");

        for (String id : RP_TO_FE_4443) {
            List<Report.RequirementStatus> lines = r.requirements().stream()
                    .filter(s -> s.firewall().equals("edge-internal") && s.requirement().id().equals(id)).toList();
            assertEquals(1, lines.size(), id);
            assertEquals("MISSING", lines.get(0).status(), id);
            assertEquals(f.id(), lines.get(0).finding(), id + " points at the shared finding");
        }
    }

    @Test
    void withThePoolServersOpenTheOpeningIsTheVipAndItsOwnRequirementLeads() throws Exception {
        // the pool row opens the servers only: every requirement misses RP -> VIP 4443 and nothing else
        Report r = auditNorthwind(dropping("L13-INT-HLB-007").andThen(
                t -> t.replace("172.25.34.20,10.0.1.10-10.0.1.12,TCP,4443", "172.25.34.20,10.0.1.11-10.0.1.12,TCP,4443"))::apply);
        List<Finding> fs = onEdgeInternal(r);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(FindingType.MISSING, f.type());
        assertEquals("L13-INT-HLB-007", f.requirement().id(), "the lowest id of those that miss all they ask");
        assertEquals("TCP 4443 172.25.34.20 -> 10.0.1.10", f.flow().toString());
        assertEquals(List.of("L13-INT-HLB-007", "L13-INT-SRV-015", "L13-RP-INT-002"),
                f.requirements().stream().map(c -> c.requirement().id()).toList());
        assertEquals(List.of(FindingType.MISSING, FindingType.PARTIAL, FindingType.MISSING),
                f.requirements().stream().map(c -> c.status()).toList(), "each requirement keeps its own status");
        Report.RequirementStatus pool = r.requirements().stream()
                .filter(s -> s.firewall().equals("edge-internal") && s.requirement().id().equals("L13-INT-SRV-015")).findFirst().orElseThrow();
        assertEquals("PARTIAL", pool.status());
        assertEquals(f.id(), pool.finding());
    }
}
