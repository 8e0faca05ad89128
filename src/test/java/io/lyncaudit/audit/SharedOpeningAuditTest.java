package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.analysis.Coverage;
import io.lyncaudit.analysis.Describe;
import io.lyncaudit.analysis.FindingCollector;
import io.lyncaudit.analysis.FirewallChecks;
import io.lyncaudit.analysis.Shadowing;
import io.lyncaudit.analysis.Topology;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Uncertainty;
import io.lyncaudit.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 3: the catalog names the reverse proxy's HTTPS 4443 to the Front End pool's VIP in
 * two tables (reverse proxy, internal load balancers; since issue 13 the internal servers' table
 * goes to the servers). On the Northwind sample with that row removed, the one missing opening must
 * be one finding citing every requirement, and the requirement matrix must keep one line per
 * requirement pointing at it.
 */
class SharedOpeningAuditTest {
    private static final List<String> RP_TO_FE_4443 = List.of("L13-INT-HLB-007", "L13-RP-INT-002");

    @TempDir
    Path dir;

    /** Audits a copy of the Northwind sample whose edge-internal.csv went through {@code edit}. */
    private Report auditNorthwind(UnaryOperator<String> edit) throws Exception {
        return auditNorthwind("edge-internal.csv", edit);
    }

    /** Audits a copy of the Northwind sample whose {@code file} went through {@code edit}. */
    private Report auditNorthwind(String file, UnaryOperator<String> edit) throws Exception {
        Path copy = dir.resolve("northwind");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("samples/northwind-single-edge-nat"))) {
            for (Path p : files.toList()) Files.copy(p, copy.resolve(p.getFileName()));
        }
        Path internal = copy.resolve(file);
        String before = Files.readString(internal), after = edit.apply(before);
        assertTrue(!after.equals(before), "the edit changes " + file);
        Files.writeString(internal, after);
        Deployment d = DeploymentLoader.load(copy.resolve("deployment.yaml"), "deployment.yaml");
        return new Auditor(RuleEngine.builtIn(), FirewallLoader.IMPORTERS)
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
        Report r = auditNorthwind(dropping("L13-INT-HLB-007"));
        List<Finding> fs = onEdgeInternal(r);
        assertEquals(1, fs.size(), "one opening, one finding: " + fs);
        Finding f = fs.get(0);
        assertEquals(FindingType.MISSING, f.type());
        assertEquals("L13-INT-HLB-007", f.requirement().id(), "the same missing packets: the lowest id leads");
        assertEquals("TCP 4443 172.25.34.20 -> 10.0.1.10", f.flow().toString());
        assertEquals(RP_TO_FE_4443, f.requirements().stream().map(c -> c.requirement().id()).toList());
        assertTrue(f.requirements().stream().allMatch(c -> c.status() == FindingType.MISSING), f.requirements().toString());
        assertTrue(f.requirements().stream().allMatch(c -> !c.requirement().sources().isEmpty()), "every source row is cited");
        assertTrue(f.message().contains("L13-RP-INT-002"), f.message());
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
    void theReverseProxyToTheServersInsteadOfTheVipLeavesTheVipOpeningMissing() throws Exception {
        // the row opens the pool's servers: what the internal servers' table allows, so not EXTRA, and
        // the reverse proxy still cannot reach the VIP the pool is published at
        Report r = auditNorthwind(t -> t.replace("172.25.34.20,10.0.1.10,TCP,4443", "172.25.34.20,10.0.1.11-10.0.1.12,TCP,4443"));
        List<Finding> fs = onEdgeInternal(r);
        assertEquals(1, fs.size(), fs.toString());
        assertEquals(FindingType.MISSING, fs.get(0).type());
        assertEquals("TCP 4443 172.25.34.20 -> 10.0.1.10", fs.get(0).flow().toString());
        assertEquals(RP_TO_FE_4443, fs.get(0).requirementIds());
    }

    @Test
    void requirementsMissingTheSameOpeningKeepTheirOwnStatus() throws Exception {
        // core opens the clients' application sharing range only up to 57500: video (57501-65535)
        // misses all it asks, application sharing the same packets and is half open
        Report r = auditNorthwind("core.csv", dropping("L13-INT-SRV-010").andThen(
                t -> t.replace("10.1.0.0/16,10.0.1.11-10.0.1.12,TCP,49152-65535,", "10.1.0.0/16,10.0.1.11-10.0.1.12,TCP,49152-57500,"))::apply);
        List<Finding> fs = r.findings().stream().filter(f -> f.firewall().equals("core")).toList();
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(FindingType.MISSING, f.type());
        assertEquals("L13-INT-SRV-010", f.requirement().id(), "the one whose missing packets are all it asks leads");
        assertEquals(List.of("L13-INT-SRV-010", "L13-INT-SRV-028"), f.requirementIds());
        assertEquals(List.of(FindingType.MISSING, FindingType.PARTIAL), f.requirements().stream().map(c -> c.status()).toList(),
                "each requirement keeps its own status");
        assertEquals("PARTIAL", r.requirements().stream()
                .filter(s -> s.firewall().equals("core") && s.requirement().id().equals("L13-INT-SRV-028")).findFirst().orElseThrow().status());
    }

    // ---- the grouping on a whole audit (in-memory policies on the Director catalog-case deployment) ----

    private static final Path DIRECTOR = Path.of("src/test/resources/catalog-cases/deployment-director.yaml");
    /** Clients to the Director pool's VIP, TCP 443: two requirements (the Director pages' and the load balancer's). */
    private static final List<String> TO_DIRECTOR_443 = List.of("L13-DIR-005", "L13-INT-HLB-017");

    private static Report auditDirector(String core, String others) throws Exception {
        Deployment d = DeploymentLoader.load(DIRECTOR, "deployment-director.yaml");
        return new Auditor(RuleEngine.builtIn(), fw -> TestPolicies.parse(fw.name() + ".txt", fw.name().equals("core") ? core : others))
                .audit(d, new GatePolicy(Severity.HIGH, false)).report();
    }

    private static Finding citing(Report r, String firewall, String requirement) {
        List<Finding> fs = r.findings().stream().filter(f -> f.firewall().equals(firewall) && f.cites(requirement)).toList();
        assertEquals(1, fs.size(), requirement + " is cited by exactly one finding on " + firewall + ": " + fs);
        return fs.get(0);
    }

    private static String status(Report r, String firewall, String requirement) {
        return r.requirements().stream().filter(s -> s.firewall().equals(firewall) && s.requirement().id().equals(requirement))
                .map(Report.RequirementStatus::status).findFirst().orElse("NOT CHECKED");
    }

    @Test
    void aMisdirectedOpeningIsOneMisdirectedFinding() throws Exception {
        Report r = auditDirector("permit udp 10.1.0.0/16 10.0.2.10 443", "permit ip any any");
        Finding f = citing(r, "core", "L13-DIR-005");
        assertEquals(FindingType.MISDIRECTED, f.type());
        assertEquals(TO_DIRECTOR_443, f.requirementIds());
        assertTrue(f.message().contains("with the wrong transport"), f.message());
        assertEquals(1, f.evidence().stream().filter(e -> e.role().equals("misdirects")).count(), "the UDP line once: " + f.evidence());
        for (String id : TO_DIRECTOR_443) assertEquals("MISDIRECTED", status(r, "core", id), id);
        assertTrue(r.findings().stream().noneMatch(x -> x.type() == FindingType.EXTRA && x.firewall().equals("core")),
                "the UDP opening is explained, not EXTRA");
    }

    @Test
    void aShadowedOpeningIsOneShadowedFinding() throws Exception {
        Report r = auditDirector("deny tcp any any 443\npermit tcp 10.1.0.0/16 10.0.2.10 443", "permit ip any any");
        Finding f = citing(r, "core", "L13-DIR-005");
        assertEquals(FindingType.SHADOWED, f.type());
        assertEquals(TO_DIRECTOR_443, f.requirementIds());
        for (String id : TO_DIRECTOR_443) assertEquals("SHADOWED", status(r, "core", id), id);
    }

    @Test
    void aPartlyOpenedOpeningIsOnePartialFinding() throws Exception {
        Report r = auditDirector("permit tcp 10.1.0.0/17 10.0.2.10 443", "permit ip any any");
        Finding f = citing(r, "core", "L13-DIR-005");
        assertEquals(FindingType.PARTIAL, f.type());
        assertEquals("L13-DIR-005", f.requirement().id());
        assertEquals(TO_DIRECTOR_443, f.requirementIds());
        for (String id : TO_DIRECTOR_443) assertEquals("PARTIAL", status(r, "core", id), id);
    }

    @Test
    void theSameOpeningOnTwoFirewallsIsTwoFindings() throws Exception {
        // the reverse proxy's 4443 to the Front End pool crosses the internal Edge firewall only; the
        // Director's 443 from clients crosses core only: open everything but those, on both firewalls
        Report r = auditDirector("deny tcp any any 443\npermit ip any any", "deny tcp any any 4443\npermit ip any any");
        Finding core = citing(r, "core", "L13-DIR-005");
        Finding internal = citing(r, "int", "L13-RP-INT-002");
        assertTrue(core != internal && !core.id().equals(internal.id()));
        assertTrue(!internal.cites("L13-DIR-005") && !core.cites("L13-RP-INT-002"), "each firewall's opening cites its own requirements");
    }

    @Test
    void everyRequirementIsCitedOnceAndCountedOnce() throws Exception {
        Report r = auditDirector("deny ip any any", "deny ip any any");
        java.util.Map<String, Integer> cited = new java.util.HashMap<>();
        for (Finding f : r.findings()) for (String id : f.requirementIds()) cited.merge(f.firewall() + " " + id, 1, Integer::sum);
        assertTrue(cited.values().stream().allMatch(n -> n == 1), "no requirement is cited by two findings of one firewall: " + cited);
        long unmet = r.requirements().stream().filter(s -> !s.status().equals("SATISFIED")).count();
        assertEquals(unmet, cited.size(), "every unmet requirement line is cited by the finding it links");
        for (Report.RequirementStatus s : r.requirements()) {
            if (s.status().equals("SATISFIED")) continue;
            Finding f = r.findings().stream().filter(x -> x.id().equals(s.finding())).findFirst().orElseThrow();
            assertTrue(f.cites(s.requirement().id()) && f.firewall().equals(s.firewall()), s.toString());
        }
        int counted = r.summary().findings().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(r.findings().size(), counted, "the summary counts each finding once");
        assertTrue(counted < unmet, "shared openings are counted once: " + counted + " findings for " + unmet + " unmet requirements");
    }

    @Test
    void aBaselineReportMarksTheSharedFindingUnchanged() throws Exception {
        Report merged = auditDirector("deny ip any any", "permit ip any any");
        Finding f = citing(merged, "core", "L13-DIR-005");
        Path json = dir.resolve("baseline.json");
        try (var out = Files.newOutputStream(json)) {
            new io.lyncaudit.report.JsonReportRenderer().render(merged, out);
        }
        Report baseline = io.lyncaudit.report.JsonReportReader.read(json);
        Finding back = baseline.findings().stream().filter(x -> x.id().equals(f.id())).findFirst().orElseThrow();
        assertEquals(f.requirements(), back.requirements(), "the cited requirements survive the round trip");
        assertEquals(merged.requirements(), baseline.requirements(), "and so do the matrix links");
        Baselines.Comparison cmp = Baselines.compare(auditDirector("deny ip any any", "permit ip any any").findings(), baseline);
        assertTrue(cmp.findings().stream().allMatch(Finding::inBaseline));
        assertEquals(List.of(), cmp.resolved());
    }

    @Test
    void theFindingsDoNotDependOnTheOrderOfTheFacts() throws Exception {
        Deployment d = DeploymentLoader.load(DIRECTOR, "deployment-director.yaml");
        Topology topo = new Topology(d);
        RuleEngine engine = RuleEngine.builtIn();
        List<RequirementSpec> specs = engine.requirements(d.edge().scenario().id(),
                d.features().entrySet().stream().filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey).toList());
        List<Object> facts = new ArrayList<>();
        for (FirewallSpec fw : d.firewalls()) {
            ImportResult ir = TestPolicies.parse(fw.name() + ".txt", fw.name().equals("core") ? "permit udp 10.1.0.0/16 10.0.2.10 443" : "deny ip any any");
            Uncertainty u = new Uncertainty(ir);
            List<Coverage> cs = new ArrayList<>();
            io.lyncaudit.model.PacketSet justified = io.lyncaudit.model.PacketSet.EMPTY;
            for (RequirementSpec spec : specs) {
                if (spec.isIpsec()) continue;
                Coverage c = FirewallChecks.coverage(spec, fw, ir, topo.crossings(fw), topo, d, u);
                justified = justified.union(FirewallChecks.justification(spec, fw, topo.crossings(fw), topo, d));
                if (c != null) cs.add(c);
            }
            facts.addAll(cs);
            facts.addAll(FirewallChecks.exposures(fw, ir, topo.crossings(fw), topo, justified, u));
            for (Coverage c : cs) {
                Shadowing sh = FirewallChecks.shadowing(c, ir);
                if (sh != null) facts.add(sh);
            }
        }
        List<String> first = null;
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 5; round++) {
            java.util.Collections.shuffle(facts, random);
            FindingCollector collector = new FindingCollector(new Describe(topo.side("internet")), java.util.Map.of());
            engine.analyze(facts, collector);
            List<String> got = collector.findings().stream()
                    .map(f -> f.id() + " " + f.type() + " " + f.firewall() + " " + f.requirementIds() + " " + f.message())
                    .sorted().toList();
            if (first == null) first = got;
            else assertEquals(first, got, "round " + round);
        }
        assertTrue(first.stream().anyMatch(x -> x.contains("MISDIRECTED core " + TO_DIRECTOR_443)), first.toString());
    }

    @Test
    void aBaselineFindingMergedIntoASharedOneIsNotResolved() throws Exception {
        Report r = auditDirector("deny ip any any", "permit ip any any");
        Finding shared = citing(r, "core", "L13-DIR-005");
        // what an audit before the merge reported for the other two requirements: a finding each
        List<Finding> before = new ArrayList<>();
        for (io.lyncaudit.finding.CitedRequirement c : shared.requirements()) {
            before.add(new Finding(c.requirement().id().equals(shared.requirement().id()) ? shared.id() : "f-old-" + c.requirement().id(),
                    FindingType.MISSING, c.severity(), c.requirement(), "core", c.flow(), null, "m", List.of(), null, false, false));
        }
        Report baseline = new Report(1, null, "t", null, List.of(), null, before, List.of(), List.of());
        Baselines.Comparison cmp = Baselines.compare(r.findings(), baseline);
        assertEquals(List.of(), cmp.resolved(), "merged into the shared finding, not resolved");
        assertTrue(cmp.findings().stream().filter(f -> f.id().equals(shared.id())).allMatch(Finding::inBaseline),
                "the shared finding has its primary's id: unchanged");
        // a different type, or another firewall, is a different finding: resolved
        Finding partial = new Finding("f-partial", FindingType.PARTIAL, Severity.HIGH, before.get(1).requirement(), "core",
                before.get(1).flow(), null, "m", List.of(), null, false, false);
        Finding elsewhere = new Finding("f-int", FindingType.MISSING, Severity.HIGH, before.get(1).requirement(), "int",
                before.get(1).flow(), null, "m", List.of(), null, false, false);
        cmp = Baselines.compare(r.findings(), new Report(1, null, "t", null, List.of(), null, List.of(partial, elsewhere), List.of(), List.of()));
        assertEquals(List.of("f-partial", "f-int"), cmp.resolved().stream().map(Finding::id).toList());
    }

    @Test
    void diffReportsTheSharedFindingOnceAndEveryRequirementsStatus() throws Exception {
        auditNorthwind(t -> t.replace("TCP,4443,permit", "TCP,4443,deny"));
        Path copy = dir.resolve("northwind");
        Deployment d = DeploymentLoader.load(copy.resolve("deployment.yaml"), "deployment.yaml");
        FirewallLoader loader = FirewallLoader.IMPORTERS;
        io.lyncaudit.report.ChangeReport c = new ChangeAudit(new Auditor(RuleEngine.builtIn(), loader), loader)
                .diff(d, "edge-internal", Path.of("samples/northwind-single-edge-nat/edge-internal.csv"), copy.resolve("edge-internal.csv"),
                        Severity.HIGH, p -> p.getFileName().toString());
        assertEquals(List.of("[L13-DIR-002]", "[L13-EDGE-INT-008]", "[L13-INT-HLB-007, L13-RP-INT-002]"),
                c.introduced().stream().map(f -> f.requirementIds().toString()).sorted().toList());
        assertEquals(List.of(), c.resolved());
        assertEquals(4, c.statuses().size(), "one status change per requirement: " + c.statuses());
        assertTrue(c.statuses().stream().allMatch(st -> st.before().equals("SATISFIED") && st.after().equals("MISSING")));
        assertEquals("FAIL", c.gate());
    }
}
