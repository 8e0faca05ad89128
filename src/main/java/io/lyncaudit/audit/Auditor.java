package io.lyncaudit.audit;

import io.lyncaudit.analysis.Coverage;
import io.lyncaudit.analysis.Describe;
import io.lyncaudit.analysis.FindingCollector;
import io.lyncaudit.analysis.FirewallChecks;
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
import io.lyncaudit.gate.GateDecision;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Zones;
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
        this(engine, loader, in -> Importers.loadIpsec(in.config(), in.configDisplay(), in.format(), in.encoding()));
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
            // an export that carries its own NAT of the Edge addresses is asked as traffic arrives (NatCheck.effective)
            FirewallSpec fw = NatCheck.effective(e.getKey(), e.getValue(), natPairs);
            ImportResult ir = FirewallChecks.forRole(fw, e.getValue());
            Uncertainty uncertainty = new Uncertainty(ir);
            List<Topology.Crossing> crossings = topo.crossings(fw);
            diagnostics.addAll(unknownZones(fw, ir, topo.interfaces(fw).keySet()));
            diagnostics.addAll(undefinedInterfaces(d, fw, ir));
            diagnostics.addAll(NatCheck.check(fw, ir, natPairs));
            List<Coverage> fwCoverages = new ArrayList<>();
            PacketSet justified = PacketSet.EMPTY;
            for (RequirementSpec spec : specs) {
                if (spec.isIpsec()) continue; // checked against the IPsec inputs below
                Coverage c = FirewallChecks.coverage(spec, fw, ir, crossings, topo, d, uncertainty);
                // what a requirement allows counts even where nothing of it is required on this firewall
                justified = justified.union(c != null ? c.justified() : FirewallChecks.justification(spec, fw, crossings, topo, d));
                if (c == null) continue;
                fwCoverages.add(c);
                checksPerSpec.merge(spec.id(), 1, Integer::sum);
            }
            coverages.addAll(fwCoverages);
            facts.addAll(fwCoverages);
            facts.addAll(FirewallChecks.exposures(fw, ir, crossings, topo, justified, uncertainty));
            for (Coverage c : fwCoverages) {
                Shadowing s = FirewallChecks.shadowing(c, ir);
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
                    collector.statusEvidence(c), c.spec().severity().json(), collector.findingId(c)));
        }
        for (IpsecCoverage c : ipsecCoverages) {
            matrix.add(new Report.RequirementStatus(c.spec().ref(), c.input(), c.flow(), collector.status(c),
                    collector.statusEvidence(c), c.spec().severity().json(), collector.findingId(c)));
        }

        List<Report.Input> inputs = new ArrayList<>();
        int unparsed = 0;
        for (Map.Entry<FirewallSpec, ImportResult> e : imports.entrySet()) {
            ImportResult ir = e.getValue();
            if (ir.ruleCount() == 0) diagnostics.add(noRules(e.getKey().configDisplay(), "rule"));
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
            if (ip.rules().isEmpty()) diagnostics.add(noRules(e.getKey().configDisplay(), "connection-security rule"));
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
     * The warning for an export with no rule at all (an empty file, a config without ACLs, the
     * wrong box's export), whatever its format: read as the defaults alone, it is seldom what was meant.
     */
    private static Report.ReportDiagnostic noRules(String file, String what) {
        return new Report.ReportDiagnostic(file, 0, "warning", "no-rules", file, Importers.noRulesMessage(what));
    }

    /** A plain name the deployment does not list, or a wildcard that matches none it lists; exclusions never are. */
    private static boolean unknown(String zone, java.util.Set<String> known) {
        // exclusions never are, and the loopback interface carries no traffic between networks
        if (zone.startsWith("!") || zone.equals("lo")) return false;
        if (Zones.plain(zone)) return !known.contains(zone);
        return known.stream().noneMatch(k -> Zones.admits(java.util.Set.of(zone), k));
    }

    /** True when some plain name of {@code zones} is an interface or zone of the deployment. */
    private static boolean anyKnown(java.util.Set<String> zones, java.util.Set<String> known) {
        for (String z : zones) if (Zones.plain(z) && known.contains(z)) return true;
        return false;
    }

    /**
     * Zones or interfaces named by rules that the deployment does not list for the firewall: such
     * rules can never apply to a crossing, which is almost always a naming mistake worth a warning.
     * The loopback interface carries no traffic between networks, and a network firewall's chains
     * of traffic to and from the box itself (Linux input and output hooks) meet no crossing of the
     * audit: neither is a naming mistake.
     */
    private static List<Report.ReportDiagnostic> unknownZones(FirewallSpec fw, ImportResult ir, java.util.Set<String> known) {
        Map<String, Rule> firstUse = new LinkedHashMap<>();
        for (Policy p : ir.policies()) {
            // a network firewall is crossed, never talked to: the stages of traffic to and from the box itself never apply
            if (fw.host() == null && (p.hook() == Hook.INPUT || p.hook() == Hook.OUTPUT)) continue;
            if (p.binding() != null && !known.contains(p.binding().iface())) firstUse.putIfAbsent(p.binding().iface(), null);
            for (Rule r : p.rules()) {
                // a name beside a known one is no mistake: the rule applies there (a FortiGate zone and its interfaces)
                if (!anyKnown(r.fromZones(), known)) for (String z : r.fromZones()) if (unknown(z, known)) firstUse.putIfAbsent(z, r);
                if (!anyKnown(r.toZones(), known)) for (String z : r.toZones()) if (unknown(z, known)) firstUse.putIfAbsent(z, r);
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

    /**
     * The deployment's interface or zone names for this firewall that its export does not define (a
     * typo, or an ASA interface name where the export uses the nameif): traffic through them meets
     * only the rules that apply to any interface. One warning per name, at the firewall's line of the
     * deployment file; none when the export does not list its interfaces.
     */
    private static List<Report.ReportDiagnostic> undefinedInterfaces(Deployment d, FirewallSpec fw, ImportResult ir) {
        if (ir.interfaces().isEmpty()) return List.of();
        List<Report.ReportDiagnostic> out = new ArrayList<>();
        for (String name : fw.interfaces().keySet()) {
            if (name.equals(Topology.HOST_SIDE) || ir.interfaces().contains(name)) continue;
            out.add(new Report.ReportDiagnostic(d.displayFile(), fw.line(), "warning", "unknown-zone", name,
                    "firewall " + fw.name() + ": interface or zone '" + name + "' is not defined in " + fw.configDisplay()
                            + " (it defines " + String.join(", ", ir.interfaces()) + "); traffic through it meets only the rules "
                            + "that apply to every interface"));
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

    private static String sha256(java.nio.file.Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
