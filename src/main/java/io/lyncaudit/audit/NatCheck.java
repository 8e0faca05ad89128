package io.lyncaudit.audit;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.EdgeInterface;
import io.lyncaudit.deployment.EdgeServer;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.deployment.Pool;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Translation;
import io.lyncaudit.report.Report;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a firewall's static NAT against the public/private address pairs of the deployment.
 *
 * <p>The audit evaluates rules on the addresses the firewall's filters see (for ASA 8.3+ and for
 * iptables FORWARD after DNAT, the real, private ones). That is only right if the device really
 * translates each public address of the deployment to its private one. When a firewall holds
 * NAT rules at all, this check says, with the NAT line, where the device disagrees with the
 * deployment: a private address translated to another public address, a public address
 * translated to another private address, or an address pair the device does not translate while
 * it translates others. A firewall without NAT rules is taken to sit behind another NAT device.
 */
final class NatCheck {
    private NatCheck() {}

    /** One address pair of the deployment: what it is, its private and its public address. */
    record Pair(String what, IntervalSet real, IntervalSet mapped) {}

    /** The address pairs of the deployment: every Edge interface (and HLB VIP) and every perimeter pool behind NAT. */
    static List<Pair> pairs(Deployment d) {
        List<Pair> out = new ArrayList<>();
        List<EdgeServer> servers = new ArrayList<>(d.edge().servers());
        if (d.edge().vips() != null) servers.add(d.edge().vips());
        for (EdgeServer s : servers) {
            add(out, s.name() + " Access Edge", s.accessEdge());
            add(out, s.name() + " Web Conferencing Edge", s.webConferencingEdge());
            add(out, s.name() + " A/V Edge", s.avEdge());
        }
        for (Pool p : d.pools()) add(out, p.name() + " external interface", p.external());
        return out;
    }

    private static void add(List<Pair> out, String what, EdgeInterface e) {
        if (e != null && e.publicAddress() != null) out.add(new Pair(what, e.address().set(), e.publicAddress().set()));
    }

    /**
     * The firewall as the audit reads it: when the deployment does not say which Edge addresses it
     * sees ({@code edgeAddresses}) and a translating stage of its export sends some Edge public
     * address to its private one (an ASA's static NAT, a Linux DNAT), the export carries its own
     * NAT: traffic to an Edge is asked as it arrives, at the public address, and the path's own
     * translation takes it on ({@code edgeAddresses: nat}). Otherwise the firewall as given.
     */
    static FirewallSpec effective(FirewallSpec fw, ImportResult ir, List<Pair> pairs) {
        if (fw.statesEdgeAddresses() || !ir.translates()) return fw;
        for (NatRule n : fromTranslations(ir)) {
            for (Pair pair : pairs) {
                if (n.mapped().containsAll(pair.mapped()) && n.real().equals(pair.real())) return fw.withEdgeAddresses("nat");
            }
        }
        return fw;
    }

    /**
     * The destination translations of the export's NAT stages as address pairs, for an importer that
     * gives its NAT only as stages of the path (each translating rule: the addresses it matches and
     * the one it sends them to).
     */
    static List<NatRule> fromTranslations(ImportResult ir) {
        List<NatRule> out = new ArrayList<>();
        for (Policy p : ir.policies()) {
            if (!p.translates()) continue;
            for (Rule r : p.rules()) {
                Translation t = r.translation();
                if (t == null || t.destination() == null || t.toHost() || r.match().isEmpty()) continue;
                out.add(new NatRule(r.match().bounds().destinations(), t.destination(), true, r.source()));
            }
        }
        return out;
    }

    /** Warnings for the firewall's NAT rules that contradict the deployment's address pairs; none without NAT rules. */
    static List<Report.ReportDiagnostic> check(FirewallSpec fw, ImportResult ir, List<Pair> pairs) {
        List<NatRule> nat = ir.nat().isEmpty() ? fromTranslations(ir) : ir.nat();
        List<Report.ReportDiagnostic> out = new ArrayList<>();
        if (fw.translatesEdgeAddresses() && !ir.translates() && !pairs.isEmpty()) {
            out.add(new Report.ReportDiagnostic(fw.configDisplay(), fw.line(), "warning", "nat", "edgeAddresses: nat",
                    fw.name() + " is said to translate the Edge public addresses itself ('edgeAddresses: nat'), but no stage of its "
                            + "export translates anything (no DNAT in a nat chain): traffic to the public addresses is asked as it "
                            + "arrives and will not reach the private ones"));
        }
        if (nat.isEmpty() || pairs.isEmpty()) return out;
        Map<Pair, Boolean> translated = new LinkedHashMap<>(); // true: as the deployment says; absent: a warning already
        NatRule beforeFilter = null; // a translation the device's rules see the other side of: they match the public address
        for (Pair p : pairs) {
            translated.put(p, false);
            boolean warned = false;
            for (NatRule n : nat) {
                IntervalSet toPublic = translate(n.real(), n.mapped(), p.real());
                IntervalSet toPrivate = translate(n.mapped(), n.real(), p.mapped());
                if (toPublic != null) {
                    if (toPublic.equals(p.mapped())) {
                        translated.put(p, true);
                        if (!n.aclSeesReal() && beforeFilter == null) beforeFilter = n;
                    } else {
                        warned = true;
                        out.add(warning(fw, n, "translates " + p.what() + " " + Addresses.format(p.real()) + " to "
                                + Addresses.format(toPublic) + ", but the deployment gives its public address as "
                                + Addresses.format(p.mapped()) + "; traffic to the public address does not reach it"));
                    }
                } else if (toPrivate != null && !toPrivate.equals(p.real())) {
                    warned = true;
                    out.add(warning(fw, n, "translates " + p.what() + "'s public address " + Addresses.format(p.mapped()) + " to "
                            + Addresses.format(toPrivate) + ", not to its address " + Addresses.format(p.real())
                            + "; traffic to the public address does not reach it"));
                }
            }
            if (warned && !translated.get(p)) translated.remove(p);
        }
        long done = translated.values().stream().filter(b -> b).count();
        // the device translates the Edge addresses itself: traffic from an Edge reaches it from the private
        // address, which 'edgeAddresses: public' would ask at the public one
        if (done > 0 && fw.seesPublicEdgeAddresses()) {
            NatRule first = nat.get(0);
            out.add(new Report.ReportDiagnostic(fw.configDisplay(), fw.line(), "warning", "nat", "edgeAddresses: public",
                    fw.name() + " translates the Edge public addresses itself (e.g. "
                            + (first.source() != null ? first.source().where() : "its NAT rules")
                            + "), so traffic from an Edge reaches it from the private address; the deployment's 'edgeAddresses: "
                            + "public' makes the audit look for the public one: remove it (the export's own NAT is then walked)"));
        }
        // a device whose rules match the addresses as they arrive (PAN-OS) sees the public ones: asking about the
        // private ones (the default) would find every inbound opening missing
        if (beforeFilter != null && !fw.translatesEdgeAddresses() && !fw.seesPublicEdgeAddresses()) {
            out.add(new Report.ReportDiagnostic(fw.configDisplay(), fw.line(), "warning", "nat", "edgeAddresses: private",
                    fw.name() + " matches its rules on the addresses as they arrive, before its own NAT translates the Edge public "
                            + "addresses (e.g. " + (beforeFilter.source() != null ? beforeFilter.source().where() : "its NAT rules")
                            + "), so its rules name the public addresses; the deployment asks about the private ones (edgeAddresses "
                            + "private): set 'edgeAddresses: nat', or leave it unsaid"));
        }
        if (done > 0) {
            for (Map.Entry<Pair, Boolean> e : translated.entrySet()) {
                if (e.getValue()) continue;
                Pair p = e.getKey();
                out.add(new Report.ReportDiagnostic(fw.configDisplay(), 0, "warning", "nat",
                        p.what() + " " + Addresses.format(p.real()),
                        fw.name() + " translates " + done + " of the deployment's public addresses, but none of its rules translates "
                                + p.what() + " " + Addresses.format(p.real()) + " to " + Addresses.format(p.mapped())));
            }
        }
        return out;
    }

    /**
     * Where a static (one-to-one) translation from {@code from} to {@code to} sends {@code addresses}:
     * null when it does not apply to all of them, or is not one-to-one (many-to-one port address
     * translation says nothing about where inbound traffic goes). Blocks keep the offset.
     */
    static IntervalSet translate(IntervalSet from, IntervalSet to, IntervalSet addresses) {
        if (addresses.isEmpty() || !from.containsAll(addresses) || from.intervalCount() != 1 || to.intervalCount() != 1) return null;
        if (!to.size().equals(from.size())) return null;
        BigInteger offset = to.start(0).subtract(from.start(0));
        IntervalSet out = IntervalSet.EMPTY;
        for (BigInteger[] iv : addresses.intervals()) out = out.union(IntervalSet.of(iv[0].add(offset), iv[1].add(offset)));
        return out;
    }

    private static Report.ReportDiagnostic warning(FirewallSpec fw, NatRule n, String message) {
        String file = n.source() != null ? n.source().file() : fw.configDisplay();
        int line = n.source() != null ? n.source().line() : 0;
        String text = n.source() != null ? n.source().text() : "";
        return new Report.ReportDiagnostic(file, line, "warning", "nat", text, fw.name() + " " + message);
    }
}
