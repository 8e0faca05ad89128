package io.lyncaudit.audit;

import io.lyncaudit.analysis.Coverage;
import io.lyncaudit.analysis.Describe;
import io.lyncaudit.analysis.Exposure;
import io.lyncaudit.analysis.FindingCollector;
import io.lyncaudit.analysis.IpsecChecks;
import io.lyncaudit.analysis.IpsecCoverage;
import io.lyncaudit.analysis.Shadowing;
import io.lyncaudit.analysis.Topology;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.deployment.IpsecSpec;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GateDecision;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import io.lyncaudit.report.Report;
import io.lyncaudit.waiver.WaiverMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit pipeline: import every firewall, instantiate the catalog for the deployment (Drools),
 * evaluate each required flow and every opening to a Lync address on each firewall it crosses,
 * classify (Drools), and assemble the immutable report with the gate verdict.
 */
public final class Auditor {
    public static final String VERSION = "0.1.0";

    private final RuleEngine engine;
    private final FirewallLoader loader;
    private final IpsecLoader ipsecLoader;

    /** Reads the IPsec inputs with the importer registry. */
    public Auditor(RuleEngine engine, FirewallLoader loader) {
        this(engine, loader, in -> Importers.loadIpsec(in.config(), in.configDisplay(), in.format()));
    }

    public Auditor(RuleEngine engine, FirewallLoader loader, IpsecLoader ipsecLoader) {
        this.engine = engine;
        this.loader = loader;
        this.ipsecLoader = ipsecLoader;
    }

    /** The outcome: the report (with its gate verdict) and the decision itself. */
    public record Result(Report report, GateDecision gate) {
    }

    public Result audit(Deployment d, GatePolicy gate) throws BadInputException {
        return audit(d, gate, new Timings());
    }

    public Result audit(Deployment d, GatePolicy gate, Timings timings) throws BadInputException {
        return audit(d, gate, timings, Adjustments.none());
    }

    /** Audits, then applies the waivers and the baseline of {@code adj} before the gate decides. */
    public Result audit(Deployment d, GatePolicy gate, Timings timings, Adjustments adj) throws BadInputException {
        Map<FirewallSpec, ImportResult> imports = new LinkedHashMap<>();
        for (FirewallSpec fw : d.firewalls()) imports.put(fw, loader.load(fw));
        Map<IpsecSpec, IpsecPolicy> ipsecImports = new LinkedHashMap<>();
        for (IpsecSpec in : d.ipsec()) ipsecImports.put(in, ipsecLoader.load(in));
        timings.mark("import");

        List<RequirementSpec> specs = engine.requirements(d.edge().scenario().id(),
                d.features().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
        timings.mark("catalog");
        Topology topo = new Topology(d);
        Describe describe = new Describe(topo.side("internet"));

        List<Report.ReportDiagnostic> diagnostics = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        List<Coverage> coverages = new ArrayList<>();
        Map<String, Integer> checksPerSpec = new LinkedHashMap<>();
        List<NatCheck.Pair> natPairs = NatCheck.pairs(d);
        for (Map.Entry<FirewallSpec, ImportResult> e : imports.entrySet()) {
            FirewallSpec fw = e.getKey();
            ImportResult ir = forRole(fw, e.getValue());
            Uncertainty uncertainty = new Uncertainty(ir);
            List<Topology.Crossing> crossings = topo.crossings(fw);
            diagnostics.addAll(unknownZones(fw, ir, topo.interfaces(fw).keySet()));
            diagnostics.addAll(NatCheck.check(fw, ir, natPairs));
            List<Coverage> fwCoverages = new ArrayList<>();
            for (RequirementSpec spec : specs) {
                if (spec.isIpsec()) continue; // checked against the IPsec inputs below
                Coverage c = coverage(spec, fw, ir, crossings, topo, d, uncertainty);
                if (c == null) continue;
                fwCoverages.add(c);
                checksPerSpec.merge(spec.id(), 1, Integer::sum);
            }
            coverages.addAll(fwCoverages);
            facts.addAll(fwCoverages);
            facts.addAll(exposures(fw, ir, crossings, topo, fwCoverages, uncertainty));
            for (Coverage c : fwCoverages) {
                Shadowing s = shadowing(c, ir);
                if (s != null) facts.add(s);
            }
        }
        List<IpsecCoverage> ipsecCoverages = ipsec(specs, ipsecImports, topo, d, facts, diagnostics);
        // One note for all requirements no firewall of the deployment sees (e.g. traffic between
        // servers of one segment); a requirement whose role the deployment lacks yields nothing.
        List<String> unseen = new ArrayList<>();
        for (RequirementSpec spec : specs) {
            if (!spec.isIpsec() && !checksPerSpec.containsKey(spec.id()) && !roleAbsent(spec, topo)) unseen.add(spec.id());
        }
        if (!unseen.isEmpty()) {
            diagnostics.add(new Report.ReportDiagnostic(d.displayFile(), 0, "info", "not-checked", String.join(" ", unseen),
                    unseen.size() + " requirement" + (unseen.size() == 1 ? " crosses" : "s cross")
                            + " no firewall of the deployment and " + (unseen.size() == 1 ? "is" : "are")
                            + " not checked (`lyncaudit requirements DEPLOYMENT` lists them): " + String.join(", ", unseen)));
        }

        timings.mark("evaluate");
        Map<String, String> files = new LinkedHashMap<>();
        for (FirewallSpec fw : d.firewalls()) files.put(fw.name(), fw.configDisplay());
        FindingCollector collector = new FindingCollector(describe, files);
        engine.analyze(facts, collector);
        timings.mark("analyze");

        List<Finding> findings = new ArrayList<>(collector.findings());
        findings.sort(Comparator.comparing((Finding f) -> f.severity()).reversed()
                .thenComparing(Finding::firewall)
                .thenComparing(f -> f.requirement() != null ? f.requirement().id() : "~")
                .thenComparing(Finding::type)
                .thenComparing(f -> f.evidence().isEmpty() ? 0 : f.evidence().get(0).line()));

        List<Report.RequirementStatus> matrix = new ArrayList<>();
        for (Coverage c : coverages) {
            matrix.add(new Report.RequirementStatus(c.spec().ref(), c.firewall(), c.flow(), collector.status(c),
                    collector.statusEvidence(c), c.spec().severity().json()));
        }
        for (IpsecCoverage c : ipsecCoverages) {
            matrix.add(new Report.RequirementStatus(c.spec().ref(), c.input(), c.flow(), collector.status(c),
                    collector.statusEvidence(c), c.spec().severity().json()));
        }

        List<Report.Input> inputs = new ArrayList<>();
        int unparsed = 0;
        for (Map.Entry<FirewallSpec, ImportResult> e : imports.entrySet()) {
            ImportResult ir = e.getValue();
            inputs.add(new Report.Input(e.getKey().name(), e.getKey().configDisplay(), ir.format(), sha256(e.getKey().config()),
                    ir.ruleCount(), ir.lines().total(), ir.lines().unparsed()));
            unparsed += ir.lines().unparsed();
            for (Diagnostic diag : ir.diagnostics()) {
                diagnostics.add(new Report.ReportDiagnostic(diag.file(), diag.line(), diag.category().severity(),
                        diag.category().json(), diag.text(), diag.message()));
            }
        }

        for (Map.Entry<IpsecSpec, IpsecPolicy> e : ipsecImports.entrySet()) {
            IpsecPolicy ip = e.getValue();
            inputs.add(new Report.Input("ipsec", ip.file(), ip.format(), sha256(e.getKey().config()), ip.rules().size(), ip.lines().total(),
                    ip.lines().unparsed()));
            unparsed += ip.lines().unparsed();
            for (Diagnostic diag : ip.diagnostics()) {
                diagnostics.add(new Report.ReportDiagnostic(diag.file(), diag.line(), diag.category().severity(),
                        diag.category().json(), diag.text(), diag.message()));
            }
        }

        // waivers and baseline, in one place, after analysis: findings stay immutable, waived ones are copies
        WaiverMatcher.Outcome waived = WaiverMatcher.apply(findings, adj.waivers(), adj.today(), adj.warnDays());
        for (WaiverMatcher.Note n : waived.notes()) {
            diagnostics.add(new Report.ReportDiagnostic(n.waiver().file(), n.waiver().line(), "warning",
                    "waiver-" + n.kind().name().toLowerCase(java.util.Locale.ROOT), n.waiver().describe(), n.message()));
        }
        Baselines.Comparison cmp = Baselines.compare(waived.findings(), adj.baseline());
        findings = new ArrayList<>(cmp.findings());

        GateDecision decision = gate.decide(findings, unparsed, waived.count(WaiverMatcher.Kind.EXPIRED),
                waived.count(WaiverMatcher.Kind.UNUSED));
        Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
        for (FindingType t : FindingType.values()) counts.put(t, 0);
        for (Finding f : findings) counts.merge(f.type(), 1, Integer::sum);
        int satisfied = (int) matrix.stream().filter(m -> m.status().equals("SATISFIED")).count();
        Report.Summary summary = new Report.Summary(matrix.size(), satisfied, counts,
                (int) findings.stream().filter(Finding::waived).count(), gate.failOnText(), decision.text());
        Report report = new Report(1, new Report.Tool("lyncaudit", VERSION),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                new Report.DeploymentInfo(d.name(), d.displayFile(), d.catalog(), d.edge().scenario().id()),
                inputs, summary, findings, matrix, diagnostics, cmp.resolved());
        timings.mark("assemble");
        return new Result(report, decision);
    }

    /**
     * The policies that guard what this firewall is in the deployment. An export may hold both the
     * policies of traffic through the box and those of traffic to the box itself (a Linux
     * FORWARD and INPUT chain): importers bind the latter to the {@value Topology#HOST_SIDE}
     * pseudo-interface. A host firewall is judged by those alone, a network firewall by the others.
     */
    static ImportResult forRole(FirewallSpec fw, ImportResult ir) {
        boolean anyHostBound = ir.policies().stream().anyMatch(Auditor::hostBound);
        if (!anyHostBound) return ir;
        List<Policy> keep = ir.policies().stream().filter(p -> hostBound(p) == (fw.host() != null)).toList();
        return new ImportResult(ir.file(), ir.format(), keep, ir.nat(), ir.diagnostics(), ir.lines(), ir.unboundDefault());
    }

    private static boolean hostBound(Policy p) {
        return p.binding() != null && p.binding().iface().equals(Topology.HOST_SIDE);
    }

    /**
     * Zones or interfaces named by rules that the deployment does not list for the firewall: such
     * rules can never apply to a crossing, which is almost always a naming mistake worth a warning.
     */
    private static List<Report.ReportDiagnostic> unknownZones(FirewallSpec fw, ImportResult ir, java.util.Set<String> known) {
        Map<String, Rule> firstUse = new LinkedHashMap<>();
        for (Policy p : ir.policies()) {
            if (p.binding() != null && !known.contains(p.binding().iface())) firstUse.putIfAbsent(p.binding().iface(), null);
            for (Rule r : p.rules()) {
                for (String z : r.fromZones()) if (!known.contains(z)) firstUse.putIfAbsent(z, r);
                for (String z : r.toZones()) if (!known.contains(z)) firstUse.putIfAbsent(z, r);
            }
        }
        List<Report.ReportDiagnostic> out = new ArrayList<>();
        for (Map.Entry<String, Rule> e : firstUse.entrySet()) {
            Rule r = e.getValue();
            out.add(new Report.ReportDiagnostic(r != null && r.source() != null ? r.source().file() : fw.configDisplay(),
                    r != null && r.source() != null ? r.source().line() : 0, "warning", "unknown-zone",
                    r != null && r.source() != null ? r.source().text() : e.getKey(),
                    "interface or zone '" + e.getKey() + "' is not among the interfaces of firewall " + fw.name() + " in the deployment ("
                            + String.join(", ", known) + "); rules limited to it are never checked"));
        }
        return out;
    }

    /** True when one end of the requirement's flow resolves to no address at all in this deployment. */
    private static boolean roleAbsent(RequirementSpec spec, Topology topo) {
        return topo.required(spec.flow().from(), null).isEmpty() || topo.required(spec.flow().to(), null).isEmpty();
    }

    /**
     * The IPsec exceptions against each IPsec input: one coverage per (exception, input), and the
     * over-broad exemptions of each input, added to {@code facts}. Nothing at all without IPsec inputs.
     * An exception whose role is absent is silently left out; one whose port range is not configured
     * gets an info diagnostic.
     */
    private static List<IpsecCoverage> ipsec(List<RequirementSpec> specs, Map<IpsecSpec, IpsecPolicy> inputs, Topology topo, Deployment d,
                                             List<Object> facts, List<Report.ReportDiagnostic> diagnostics) {
        List<IpsecCoverage> out = new ArrayList<>();
        if (inputs.isEmpty()) return out;
        IpsecChecks checks = new IpsecChecks(topo);
        Map<RequirementSpec, PacketSet> required = new LinkedHashMap<>();
        PacketSet justified = PacketSet.EMPTY;
        for (RequirementSpec spec : specs) {
            if (!spec.isIpsec()) continue;
            PacketSet r = checks.required(spec);
            if (r == null) {
                diagnostics.add(new Report.ReportDiagnostic(d.displayFile(), 0, "info", "not-checked", spec.id(),
                        spec.id() + " (" + spec.flow().text() + ") names a port range the deployment does not configure; it is not checked"));
                continue;
            }
            if (r.isEmpty()) continue;
            required.put(spec, r);
            justified = justified.union(r);
        }
        for (IpsecPolicy input : inputs.values()) {
            for (Map.Entry<RequirementSpec, PacketSet> e : required.entrySet()) out.add(checks.coverage(e.getKey(), e.getValue(), input));
            facts.addAll(checks.exposures(input, justified));
        }
        facts.addAll(out);
        return out;
    }

    /** The ports of a catalog flow: a literal, or ${name} for a configured range. */
    static IntervalSet ports(String text, Deployment d) {
        if (text.startsWith("${") && text.endsWith("}")) {
            IntervalSet s = d.portRanges().get(text.substring(2, text.length() - 1));
            if (s == null) throw new IllegalStateException("catalog names unknown port range " + text);
            return s;
        }
        return Ports.parseRange(text);
    }

    /** Destination ports as reports show them, with the source ports when the requirement names them. */
    static String portsText(IntervalSet ports, IntervalSet sourcePorts) {
        String p = Ports.format(ports);
        return sourcePorts.equals(Ports.ALL) ? p : p + " (from source ports " + Ports.format(sourcePorts) + ")";
    }

    private static Coverage coverage(RequirementSpec spec, FirewallSpec fw, ImportResult ir, List<Topology.Crossing> crossings,
                                     Topology topo, Deployment d, Uncertainty uncertainty) {
        IntervalSet src = topo.required(spec.flow().from(), fw), dst = topo.required(spec.flow().to(), fw);
        IntervalSet jsrc = topo.justified(spec.flow().from(), fw), jdst = topo.justified(spec.flow().to(), fw);
        IntervalSet proto = IntervalSet.point(spec.flow().protocol());
        IntervalSet ports = ports(spec.flow().ports(), d);
        // Source ports narrow only the required set: a rule that leaves them open is as good.
        IntervalSet sourcePorts = spec.flow().sourcePorts() == null ? Ports.ALL : ports(spec.flow().sourcePorts(), d);
        PacketSet required = PacketSet.EMPTY, justified = PacketSet.EMPTY, permitted = PacketSet.EMPTY;
        List<Decision> decisions = new ArrayList<>();
        for (Topology.Crossing x : crossings) {
            IntervalSet s = src.intersect(x.inside()), t = dst.intersect(x.outside());
            if (s.isEmpty() || t.isEmpty()) continue;
            PacketSet q = PacketSet.of(new PacketBox(proto, s, t, sourcePorts, ports));
            Evaluation ev = PolicyEvaluator.evaluate(ir, q, x.in(), x.out());
            required = required.union(q);
            permitted = permitted.union(ev.permitted());
            decisions.addAll(ev.decisions());
            // On a host firewall the network firewalls are the boundary, and the rules Lync Server
            // setup creates accept any remote address: an inbound requirement justifies its
            // ports to the host from every address.
            IntervalSet js = fw.host() != null && x.out().equals(Topology.HOST_SIDE) ? x.inside() : jsrc;
            justified = justified.union(PacketSet.of(PacketBox.of(proto, js.intersect(x.inside()),
                    jdst.intersect(x.outside()), ports)));
        }
        if (required.isEmpty()) return null;
        Flow flow = new Flow(Protocols.name(spec.flow().protocol()), portsText(ports, sourcePorts),
                topo.label(spec.flow().from(), required.bounds().sources()),
                topo.label(spec.flow().to(), required.bounds().destinations()));
        return new Coverage(spec, fw.name(), required, justified, permitted, required.subtract(permitted), decisions, flow,
                uncertainty.of(decisions));
    }

    private static List<Exposure> exposures(FirewallSpec fw, ImportResult ir, List<Topology.Crossing> crossings, Topology topo,
                                            List<Coverage> coverages, Uncertainty uncertainty) {
        PacketSet justified = PacketSet.EMPTY;
        for (Coverage c : coverages) justified = justified.union(c.justified());
        IntervalSet lync = topo.lyncAddresses();
        IntervalSet internet = topo.side("internet");
        Map<Rule, PacketSet> unjustified = new IdentityHashMap<>();
        Map<Rule, Decision> first = new LinkedHashMap<>();
        PacketSet byDefault = PacketSet.EMPTY;
        Decision defaultDecision = null;
        for (Topology.Crossing x : crossings) {
            // On a host firewall only inbound traffic to the host can be EXTRA: outbound from a
            // server is open by default (Windows Firewall) and is not what a host firewall guards.
            if (fw.host() != null && !x.out().equals(Topology.HOST_SIDE)) continue;
            // One query per run of Lync addresses: narrow queries let the evaluator skip the
            // many rules that never touch a Lync server by their bounds alone.
            List<PacketSet> queries = new ArrayList<>();
            // a host firewall: everything that reaches the host, whether or not it is a Lync address
            if (fw.host() != null) queries.add(PacketSet.of(new PacketBox(Protocols.ALL, x.inside(), x.outside(), Ports.ALL, Ports.ALL)));
            IntervalSet toLync = fw.host() != null ? IntervalSet.EMPTY : x.outside().intersect(lync);
            IntervalSet fromLync = fw.host() != null ? IntervalSet.EMPTY : x.inside().intersect(lync);
            for (int k = 0; k < toLync.intervalCount(); k++) {
                queries.add(PacketSet.of(new PacketBox(Protocols.ALL, x.inside(),
                        IntervalSet.of(toLync.start(k), toLync.end(k)), Ports.ALL, Ports.ALL)));
            }
            for (int k = 0; k < fromLync.intervalCount(); k++) {
                // traffic between two Lync addresses is already in the queries above
                queries.add(PacketSet.of(new PacketBox(Protocols.ALL, IntervalSet.of(fromLync.start(k), fromLync.end(k)),
                        x.outside().subtract(lync), Ports.ALL, Ports.ALL)));
            }
            for (PacketSet q : queries) {
                Evaluation ev = PolicyEvaluator.evaluate(ir, q, x.in(), x.out());
                if (ev.permitted().isEmpty()) continue;
                for (Decision dec : ev.decisions()) {
                    if (dec.action() != Action.PERMIT) continue;
                    PacketSet extra = dec.packets().intersect(ev.permitted()).subtract(justified);
                    if (extra.isEmpty()) continue;
                    if (dec.rule() == null) {
                        byDefault = byDefault.union(extra);
                        defaultDecision = dec;
                    } else {
                        unjustified.merge(dec.rule(), extra, PacketSet::union);
                        first.putIfAbsent(dec.rule(), dec);
                    }
                }
            }
        }
        List<Exposure> out = new ArrayList<>();
        for (Map.Entry<Rule, Decision> e : first.entrySet()) {
            PacketSet x = unjustified.get(e.getKey());
            Decision dec = e.getValue();
            String why = uncertainty.of(new Decision(dec.policy(), dec.rule(), dec.action(), x));
            out.add(new Exposure(fw.name(), dec, x, severity(x, internet), why, lync));
        }
        if (defaultDecision != null) {
            String why = uncertainty.of(new Decision(defaultDecision.policy(), null, defaultDecision.action(), byDefault));
            out.add(new Exposure(fw.name(), defaultDecision, byDefault, severity(byDefault, internet), why, lync));
        }
        return out;
    }

    /** High when the internet can start the unjustified traffic, medium otherwise. */
    private static Severity severity(PacketSet x, IntervalSet internet) {
        return x.intersects(new PacketBox(Protocols.ALL, internet, Addresses.ALL, Ports.ALL, Ports.ALL)) ? Severity.HIGH : Severity.MEDIUM;
    }

    /** A permit rule that would cover what is missing, hidden behind earlier rules of the same policy. */
    private static Shadowing shadowing(Coverage c, ImportResult ir) {
        if (c.isSatisfied()) return null;
        for (Policy p : ir.policies()) {
            for (Rule r : p.rules()) {
                if (r.action() != Action.PERMIT || !r.match().intersects(c.uncovered())) continue;
                PacketSet hidden = r.match().intersect(c.uncovered());
                List<Decision> shadowers = new ArrayList<>();
                for (Decision dec : c.decisions()) {
                    if (dec.policy() == p && dec.rule() != null && dec.rule().index() < r.index()
                            && dec.action() == Action.DENY && dec.packets().intersects(hidden)) {
                        shadowers.add(dec);
                    }
                }
                if (!shadowers.isEmpty()) return new Shadowing(c, r, shadowers);
            }
        }
        return null;
    }

    private static String sha256(java.nio.file.Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
