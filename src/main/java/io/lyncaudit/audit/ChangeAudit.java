package io.lyncaudit.audit;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.report.ChangeReport;
import io.lyncaudit.report.Report;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Audits two versions of one firewall of a deployment (`lyncaudit diff`) and compares them: findings
 * by stable id (a finding merged into another that now shares its opening is not resolved), rules
 * by normalized text, required flows by status.
 */
public final class ChangeAudit {
    private final Auditor auditor;
    private final FirewallLoader loader;

    public ChangeAudit(Auditor auditor, FirewallLoader loader) {
        this.auditor = auditor;
        this.loader = loader;
    }

    /**
     * @param firewall null: the deployment's only firewall
     * @param failOn   introduced findings at or above it fail; null never fails
     */
    public ChangeReport diff(Deployment d, String firewall, Path before, Path after, Severity failOn,
                             Function<Path, String> display) throws BadInputException {
        FirewallSpec fw = pick(d, firewall);
        FirewallSpec b = withConfig(fw, before, display.apply(before));
        FirewallSpec a = withConfig(fw, after, display.apply(after));
        GatePolicy none = new GatePolicy(null, false);
        Report rb = auditor.audit(only(d, b), none).report();
        Report ra = auditor.audit(only(d, a), none).report();

        Map<String, Finding> beforeById = byId(rb.findings(), fw.name());
        Map<String, Finding> afterById = byId(ra.findings(), fw.name());
        List<Finding> introduced = new ArrayList<>(), unchanged = new ArrayList<>(), resolved = new ArrayList<>();
        for (Finding f : afterById.values()) (beforeById.containsKey(f.id()) ? unchanged : introduced).add(f);
        List<Finding> afterFindings = List.copyOf(afterById.values());
        // a finding whose requirement now shares another finding's opening is not resolved: it is unmet as before
        for (Finding f : beforeById.values()) if (!afterById.containsKey(f.id()) && Baselines.mergedInto(f, afterFindings) == null) resolved.add(f);

        List<ChangeReport.StatusChange> statuses = new ArrayList<>();
        Map<String, Report.RequirementStatus> beforeStatus = new LinkedHashMap<>();
        for (Report.RequirementStatus s : rb.requirements()) if (s.firewall().equals(fw.name())) beforeStatus.put(key(s), s);
        for (Report.RequirementStatus s : ra.requirements()) {
            if (!s.firewall().equals(fw.name())) continue;
            Report.RequirementStatus old = beforeStatus.remove(key(s));
            String was = old == null ? "NOT CHECKED" : old.status();
            if (!was.equals(s.status())) statuses.add(new ChangeReport.StatusChange(s.requirement(), s.flow(), was, s.status()));
        }
        for (Report.RequirementStatus old : beforeStatus.values()) {
            statuses.add(new ChangeReport.StatusChange(old.requirement(), old.flow(), old.status(), "NOT CHECKED"));
        }

        List<ChangeReport.RuleChange> rules = rules(loader.load(b), loader.load(a));
        GatePolicy gate = new GatePolicy(failOn, false);
        boolean fails = introduced.stream().anyMatch(gate::counts);
        return new ChangeReport(fw.name(), b.configDisplay(), a.configDisplay(), introduced, resolved, unchanged, rules, statuses,
                gate.failOnText(), fails ? "FAIL" : "PASS");
    }

    private static String key(Report.RequirementStatus s) {
        return (s.requirement() == null ? "" : s.requirement().id()) + "|" + s.flow();
    }

    private static Map<String, Finding> byId(List<Finding> findings, String firewall) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : findings) if (f.firewall().equals(firewall)) out.putIfAbsent(f.id(), f);
        return out;
    }

    private static FirewallSpec pick(Deployment d, String name) throws BadInputException {
        String names = d.firewalls().stream().map(FirewallSpec::name).collect(Collectors.joining(", "));
        if (name == null) {
            if (d.firewalls().size() == 1) return d.firewalls().get(0);
            throw new BadInputException(d.displayFile(), 0, "the deployment has " + d.firewalls().size()
                    + " firewalls; name the one that changes with --firewall (" + names + ")");
        }
        for (FirewallSpec fw : d.firewalls()) if (fw.name().equals(name)) return fw;
        throw new BadInputException(d.displayFile(), 0, "no firewall named '" + name + "' (" + names + ")");
    }

    private static FirewallSpec withConfig(FirewallSpec fw, Path config, String display) {
        return fw.withConfig(config, display);
    }

    /** The deployment with only this firewall: the others do not change, and auditing them twice is wasted time. */
    private static Deployment only(Deployment d, FirewallSpec fw) {
        return new Deployment(d.file(), d.displayFile(), d.name(), d.catalog(), d.edge(), d.features(), d.portRanges(), d.pools(),
                d.networks(), List.of(fw), List.of());
    }

    /** Collapses whitespace and case, so re-indentation or re-casing is not a change. */
    static String normalize(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private record Line(String name, int line, String text) {
    }

    private static List<Line> lines(ImportResult ir) {
        List<Line> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Policy p : ir.policies()) {
            for (Rule r : p.rules()) {
                if (r.source() == null) continue;
                // one source line can yield several rules (multi-value cells, object groups): compare it once
                if (!seen.add(r.source().line() + "|" + r.source().text())) continue;
                out.add(new Line(r.name(), r.source().line(), r.source().text()));
            }
        }
        return out;
    }

    /**
     * Rules are matched as a multiset of normalized text: identical lines are unchanged wherever
     * they moved. Of the rest, a named rule whose text changed is "changed"; an unnamed one (an ACL
     * entry, an iptables rule) is paired, in order, with an unmatched line of the same statement
     * (the same first two words: {@code access-list outside_in}, {@code -A FORWARD}) and also
     * counts as "changed". What is left is "removed" or "added". Linear in the number of lines.
     */
    static List<ChangeReport.RuleChange> rules(ImportResult before, ImportResult after) {
        Map<String, ArrayDeque<Line>> byText = new HashMap<>();
        List<Line> b = lines(before);
        for (Line l : b) byText.computeIfAbsent(normalize(l.text()), k -> new ArrayDeque<>()).add(l);
        Set<Line> unchangedBefore = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Line> a = new ArrayList<>();
        for (Line l : lines(after)) {
            ArrayDeque<Line> same = byText.get(normalize(l.text()));
            if (same != null && !same.isEmpty()) unchangedBefore.add(same.poll());
            else a.add(l);
        }
        List<Line> removed = new ArrayList<>();
        for (Line l : b) if (!unchangedBefore.contains(l)) removed.add(l);

        List<ChangeReport.RuleChange> out = new ArrayList<>();
        Map<String, ArrayDeque<Line>> byName = new HashMap<>();
        Map<String, ArrayDeque<Line>> byStatement = new HashMap<>();
        for (Line l : removed) {
            if (l.name() != null && !l.name().isBlank()) byName.computeIfAbsent(l.name(), k -> new ArrayDeque<>()).add(l);
            else if (statement(l.text()) != null) byStatement.computeIfAbsent(statement(l.text()), k -> new ArrayDeque<>()).add(l);
        }
        Set<Line> paired = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Line> added = new ArrayList<>();
        for (Line l : a) {
            boolean named = l.name() != null && !l.name().isBlank();
            String key = named ? l.name() : statement(l.text());
            ArrayDeque<Line> candidates = key == null ? null : (named ? byName : byStatement).get(key);
            Line old = candidates == null ? null : candidates.poll();
            if (old == null) {
                added.add(l);
                continue;
            }
            paired.add(old);
            out.add(new ChangeReport.RuleChange("changed", l.name(), old.line(), old.text(), l.line(), l.text()));
        }
        for (Line l : removed) if (!paired.contains(l)) out.add(new ChangeReport.RuleChange("removed", l.name(), l.line(), l.text(), 0, null));
        for (Line l : added) out.add(new ChangeReport.RuleChange("added", l.name(), 0, null, l.line(), l.text()));
        return out;
    }

    /** The first two words of a config line, which name the list it belongs to; null for a line without two words. */
    private static String statement(String text) {
        String[] w = normalize(text).split(" ", 3);
        return w.length < 3 ? null : w[0] + " " + w[1];
    }
}
