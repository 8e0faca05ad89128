package io.lyncaudit.analysis;

import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.Witness;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.SourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sink of the analysis rules (global {@code findings}): each call turns classified facts into a
 * finding with its message, evidence and witness, and records the status of each required flow.
 * Requirements that share one opening ({@link SharedOpening}) get one finding citing them all, and
 * each keeps its own status, linked to that finding's id.
 */
public final class FindingCollector {
    private final Describe describe;
    private final Map<String, String> configFiles;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Coverage, String> status = new IdentityHashMap<>();
    private final Map<Coverage, List<Evidence>> statusEvidence = new IdentityHashMap<>();
    private final Map<Coverage, String> findingIds = new IdentityHashMap<>();
    private final Map<IpsecCoverage, String> ipsecStatus = new IdentityHashMap<>();
    private final Map<IpsecCoverage, List<Evidence>> ipsecEvidence = new IdentityHashMap<>();
    private final Map<IpsecCoverage, String> ipsecFindingIds = new IdentityHashMap<>();

    /** @param configFiles firewall name to its config file as shown in reports (for implicit defaults) */
    public FindingCollector(Describe describe, Map<String, String> configFiles) {
        this.describe = describe;
        this.configFiles = configFiles;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** SATISFIED, MISSING, PARTIAL, MISDIRECTED or SHADOWED for each coverage the rules classified. */
    public String status(Coverage c) {
        return status.getOrDefault(c, "UNCLASSIFIED");
    }

    public List<Evidence> statusEvidence(Coverage c) {
        return statusEvidence.getOrDefault(c, List.of());
    }

    /** The id of the finding that explains the coverage's status (shared with other requirements of the same opening); null when satisfied. */
    public String findingId(Coverage c) {
        return findingIds.get(c);
    }

    public void satisfied(Coverage c) {
        status.put(c, "SATISFIED");
        statusEvidence.put(c, evidence(c.decisions(), c.firewall()));
    }

    /**
     * No part of the opening is permitted.
     *
     * @param shadowings the shadowings of the opening's requirements (none of the primary's), for their own statuses
     */
    public void missing(SharedOpening o, List<Shadowing> shadowings) {
        Coverage c = o.primary();
        List<Evidence> ev = evidence(c.decisions(), c.firewall());
        String blocker = firstBlocker(ev);
        String msg = "No part of " + flowText(c.flow()) + " is permitted on " + c.firewall() + "; " + blocker + "." + alsoMeets(o);
        add(o, FindingType.MISSING, null, msg, ev, Describe.witness(c.required()), c.uncertainty(), shadowings, List.of());
    }

    /** Part of the primary requirement is permitted; the opening is the rest. */
    public void partial(SharedOpening o, List<Shadowing> shadowings) {
        Coverage c = o.primary();
        List<Evidence> ev = evidence(c.decisions(), c.firewall());
        Flow unc = describe.flow(c.uncovered());
        String msg = "Only part of " + flowText(c.flow()) + " is permitted on " + c.firewall() + ": "
                + describe.text(c.uncovered()) + " is denied (" + firstBlocker(ev) + ")." + alsoMeets(o);
        add(o, FindingType.PARTIAL, unc, msg, ev, Describe.witness(c.uncovered()), c.uncertainty(), shadowings, List.of());
    }

    /** A rule would permit the primary requirement's missing packets, but earlier rules take its traffic. */
    public void shadowed(SharedOpening o, List<Shadowing> shadowings) {
        Coverage c = o.primary();
        Shadowing s = shadowings.stream().filter(x -> x.coverage() == c).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shadowing of " + c.requirementId()));
        List<Evidence> ev = shadowEvidence(s);
        String where = s.shadowed().source() != null ? s.shadowed().source().where() : "a rule";
        String msg = where + " would permit " + flowText(c.flow()) + ", but earlier rules take its traffic first ("
                + String.join(", ", s.shadowers().stream().map(d -> d.source() != null ? d.source().where() : "default").toList()) + ")."
                + alsoMeets(o);
        add(o, FindingType.SHADOWED, c.isPartial() ? describe.flow(c.uncovered()) : null, msg, ev,
                Describe.witness(c.uncovered()), c.uncertainty(), shadowings, List.of());
    }

    /**
     * The opening is not permitted, but its service is opened the wrong way: {@code ms} are the
     * misdirections of the opening's requirements (the same exposure may misdirect several).
     */
    public void misdirected(SharedOpening o, List<Misdirection> ms, List<Shadowing> shadowings) {
        Coverage c = o.primary();
        // by member, then by the line that misdirects: the evidence (and so the id) must not depend
        // on the order the rules fired
        ms = ms.stream().sorted(java.util.Comparator.comparingInt((Misdirection d) -> o.members().indexOf(d.coverage()))
                .thenComparing(d -> d.exposure().permit().source() == null ? 0 : d.exposure().permit().source().line())
                .thenComparing(d -> d.exposure().permit().source() == null ? "" : String.valueOf(d.exposure().permit().source().text()))
                .thenComparing(Misdirection::kind)).toList();
        List<Evidence> ev = new ArrayList<>();
        Set<String> how = new LinkedHashSet<>();
        PacketSet part = PacketSet.EMPTY;
        Set<Exposure> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Misdirection d : ms) {
            if (seen.add(d.exposure())) ev.add(evidence(d.exposure().permit(), c.firewall(), "misdirects"));
            how.add(d.kind().text());
            part = part.union(d.part());
        }
        ev.addAll(evidence(c.decisions(), c.firewall()));
        String msg = flowText(c.flow()) + " is not permitted on " + c.firewall() + ", but it is opened "
                + String.join(" and ", how) + ": " + describe.text(part) + "." + alsoMeets(o);
        Set<String> why = new LinkedHashSet<>();
        if (c.uncertain()) why.add(c.uncertainty());
        for (Misdirection m : ms) if (m.exposure().uncertain()) why.add(m.exposure().uncertainty());
        add(o, FindingType.MISDIRECTED, null, msg, ev, Describe.witness(part), why.isEmpty() ? null : String.join("; ", why),
                shadowings, ms);
    }

    // One requirement alone, for site rules written against the sink before requirements shared findings.

    /** {@link #missing(SharedOpening, List)} for a requirement that shares its opening with no other. */
    public void missing(Coverage c) {
        missing(alone(c), List.of());
    }

    /** {@link #partial(SharedOpening, List)} for a requirement that shares its opening with no other. */
    public void partial(Coverage c) {
        partial(alone(c), List.of());
    }

    /** {@link #shadowed(SharedOpening, List)} for a requirement that shares its opening with no other. */
    public void shadowed(Shadowing s) {
        shadowed(alone(s.coverage()), List.of(s));
    }

    /** {@link #misdirected(SharedOpening, List, List)} for a requirement that shares its opening with no other. */
    public void misdirected(Coverage c, List<Misdirection> ms) {
        misdirected(alone(c), ms, List.of());
    }

    private static SharedOpening alone(Coverage c) {
        return new SharedOpening(c, List.of(c));
    }

    private List<Evidence> shadowEvidence(Shadowing s) {
        Coverage c = s.coverage();
        List<Evidence> ev = new ArrayList<>();
        ev.add(evidence(s.shadowed().source(), "shadowed", c.firewall()));
        for (Decision d : s.shadowers()) ev.add(evidence(d, c.firewall(), "shadows"));
        return ev;
    }

    /** The sentence that names the other requirements an opening serves; empty for one requirement alone. */
    private static String alsoMeets(SharedOpening o) {
        if (!o.isShared()) return "";
        List<String> ids = o.others().stream().map(Coverage::requirementId).toList();
        String list = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
        return " Opening it also meets " + list + ".";
    }

    public void extra(Exposure e, List<Misdirection> explained) {
        PacketSet rest = e.unjustified();
        for (Misdirection m : explained) rest = rest.subtract(m.part());
        if (rest.isEmpty()) return;
        Evidence line = evidence(e.permit(), e.firewall(), "permits");
        Flow flow = describe.flow(rest);
        String msg = e.firewall() + " permits " + describe.text(rest) + " (" + where(line)
                + "), which no requirement of this deployment justifies.";
        String id = id(FindingType.EXTRA, "", e.firewall(), flow.toString(), List.of(line));
        findings.add(new Finding(id, FindingType.EXTRA, e.severity(), null, e.firewall(), flow, null, uncertain(msg, e.uncertainty()),
                List.of(line), Describe.witness(rest), false, e.uncertain()));
    }

    // ---- IPsec exceptions ----------------------------------------------------------------------

    /** SATISFIED or IPSEC_MISSING for each IPsec coverage the rules classified. */
    public String status(IpsecCoverage c) {
        return ipsecStatus.getOrDefault(c, "UNCLASSIFIED");
    }

    public List<Evidence> statusEvidence(IpsecCoverage c) {
        return ipsecEvidence.getOrDefault(c, List.of());
    }

    /** The id of the IPSEC_MISSING finding of the exception; null when satisfied. */
    public String findingId(IpsecCoverage c) {
        return ipsecFindingIds.get(c);
    }

    public void ipsecSatisfied(IpsecCoverage c) {
        ipsecStatus.put(c, "SATISFIED");
        ipsecEvidence.put(c, ipsecEvidence(c.exempting(), "exempts"));
    }

    /** The exception is absent (nothing of it exempt) or only partly there (the message names the part). */
    public void ipsecMissing(IpsecCoverage c) {
        List<Evidence> ev = new ArrayList<>(ipsecEvidence(c.exempting(), "exempts"));
        ev.addAll(ipsecEvidence(c.blocking(), "authenticates"));
        String what = "the IPsec exception '" + c.spec().title() + "' (" + flowText(c.flow()) + ")";
        String msg;
        Flow part = null;
        if (c.isMissing()) {
            msg = "No part of " + what + " is exempt from IPsec in " + c.input() + ".";
        } else {
            part = describe.flow(c.uncovered());
            msg = "Only part of " + what + " is exempt from IPsec in " + c.input() + ": " + describe.text(c.uncovered())
                    + " is not exempt.";
        }
        if (!c.blocking().isEmpty()) msg += " " + where(ev.get(ev.size() - c.blocking().size())) + " requires authentication for it.";
        ipsecStatus.put(c, FindingType.IPSEC_MISSING.name());
        ipsecEvidence.put(c, ev);
        String id = id(FindingType.IPSEC_MISSING, c.spec().id(), c.input(), c.flow().toString(), ev);
        ipsecFindingIds.put(c, id);
        findings.add(new Finding(id, FindingType.IPSEC_MISSING, c.spec().severity(), c.spec().ref(), c.input(), c.flow(), part, msg, ev,
                Describe.witness(c.uncovered()), false, false));
    }

    /**
     * An exemption rule that exempts traffic to or from a Lync address beyond every exception of the
     * table; it names the exception it was meant for when it exempts part of one ({@code meantFor}).
     */
    public void ipsecExtra(IpsecExposure e, List<IpsecCoverage> meantFor) {
        Evidence line = ipsecEvidence(List.of(e.rule()), "exempts").get(0);
        Flow flow = describe.flow(e.unjustified());
        // the exception it overlaps most is the one it was written for (ties: the lower id)
        IpsecCoverage c = meantFor.stream().max(java.util.Comparator.comparing((IpsecCoverage x) -> e.rule().match().intersect(x.required()).size())
                .thenComparing(x -> x.spec().id(), java.util.Comparator.reverseOrder())).orElse(null);
        String msg = e.input() + " exempts " + describe.text(e.unjustified()) + " from IPsec (" + where(line)
                + "), which no IPsec exception of the table asks for" + (c != null ? " (it goes beyond " + c.spec().id() + ")" : "") + ".";
        String id = id(FindingType.IPSEC_EXTRA, c != null ? c.spec().id() : "", e.input(), flow.toString(), List.of(line));
        findings.add(new Finding(id, FindingType.IPSEC_EXTRA, Severity.MEDIUM, c != null ? c.spec().ref() : null, e.input(), flow, null, msg,
                List.of(line), Describe.witness(e.unjustified()), false, false));
    }

    private static List<Evidence> ipsecEvidence(List<io.lyncaudit.ipsec.IpsecRule> rules, String role) {
        List<Evidence> out = new ArrayList<>();
        for (io.lyncaudit.ipsec.IpsecRule r : rules) {
            SourceRef s = r.source();
            String cell = s.sheet() != null ? s.sheet() + "!" + (s.cell() != null ? s.cell() : "A" + s.line()) : null;
            out.add(new Evidence(s.file(), s.line(), s.text(), role, cell));
        }
        return out;
    }

    /**
     * Records the finding of an opening and the status of each requirement that shares it. The
     * primary's status is the finding's type; each other requirement keeps the status it would have
     * alone: SHADOWED or MISDIRECTED when a shadowing or misdirection of its own explains it, else
     * MISSING or PARTIAL by its own required set. The id is the primary's alone, so it is the id the
     * primary's finding had before any other requirement shared it, and requirements joining or
     * leaving the opening do not change it.
     */
    private void add(SharedOpening o, FindingType type, Flow uncovered, String msg, List<Evidence> ev, Witness w,
                     String uncertainty, List<Shadowing> shadowings, List<Misdirection> misdirections) {
        Coverage c = o.primary();
        String id = id(type, c.spec().id(), c.firewall(), c.flow().toString(), ev);
        List<CitedRequirement> cited = new ArrayList<>();
        for (Coverage m : o.members()) {
            FindingType own = type;
            List<Evidence> ownEvidence = ev;
            if (m != c) {
                Shadowing s = shadowings.stream().filter(x -> x.coverage() == m).findFirst().orElse(null);
                List<Misdirection> md = misdirections.stream().filter(x -> x.coverage() == m).toList();
                if (s != null) {
                    own = FindingType.SHADOWED;
                    ownEvidence = shadowEvidence(s);
                } else if (!md.isEmpty()) {
                    own = FindingType.MISDIRECTED;
                    ownEvidence = new ArrayList<>();
                    for (Misdirection d : md) ownEvidence.add(evidence(d.exposure().permit(), m.firewall(), "misdirects"));
                    ownEvidence.addAll(evidence(m.decisions(), m.firewall()));
                } else {
                    own = m.isMissing() ? FindingType.MISSING : FindingType.PARTIAL;
                    ownEvidence = evidence(m.decisions(), m.firewall());
                }
            }
            status.put(m, own.name());
            statusEvidence.put(m, ownEvidence);
            findingIds.put(m, id);
            cited.add(new CitedRequirement(m.spec().ref(), m.spec().severity(), own, m.flow()));
        }
        findings.add(new Finding(id, type, o.severity(), c.spec().ref(), c.firewall(), c.flow(), uncovered, uncertain(msg, uncertainty), ev, w,
                false, uncertainty != null, null, null, cited));
    }

    /** The message, with why the verdict may be wrong when it depends on something not modelled. */
    private static String uncertain(String msg, String uncertainty) {
        return uncertainty == null ? msg : msg + " Uncertain, because it depends on input not fully modelled: " + uncertainty + ".";
    }

    private static String flowText(Flow f) {
        String ports = f.ports().equals("any") ? "" : " " + f.ports();
        return f.protocol() + ports + " from " + f.source() + " to " + f.destination();
    }

    private static String where(Evidence e) {
        if (e.cell() != null) return e.file() + " [" + e.cell() + "]";
        return e.line() > 0 ? e.file() + ":" + e.line() : e.file();
    }

    private static String firstBlocker(List<Evidence> ev) {
        for (Evidence e : ev) {
            if (e.role().equals("denies")) return where(e) + " denies it";
            if (e.role().equals("redirects")) return where(e) + " redirects it to the firewall itself";
        }
        for (Evidence e : ev) {
            if (e.role().equals("default")) return "the default action denies it";
        }
        return "nothing permits it";
    }

    private List<Evidence> evidence(List<Decision> decisions, String firewall) {
        List<Evidence> out = new ArrayList<>(), translations = new ArrayList<>();
        // on a path of stages, a rule that permits is the evidence; the stages that merely let the packets pass
        // by their default (an empty raw or mangle chain, a nat chain that does not translate them) are not
        boolean explicit = false;
        for (Decision d : decisions) {
            explicit |= d.action() == Action.PERMIT && d.rule() != null && d.translation() == null && d.policy() != null && d.policy().hook() != null;
        }
        for (Decision d : decisions) {
            // a NAT stage (a Linux nat chain, an ASA's NAT table) is evidence only where it translates
            if (d.action() == Action.PERMIT && d.translation() == null && d.policy() != null
                    && (d.policy().hook() != null || d.policy().translates())
                    && ((explicit && d.rule() == null) || d.policy().translates())) continue;
            (d.translation() != null && d.action() == Action.PERMIT ? translations : out).add(evidence(d, firewall, null));
        }
        // the lines that permit or deny come first (a report's location is the first); the translations they saw after them
        out.addAll(translations);
        return out;
    }

    private Evidence evidence(Decision d, String firewall, String role) {
        String r = role != null ? role : d.translation() != null ? (d.translation().toHost() ? "redirects" : "translates")
                : d.isDefault() ? "default" : d.action() == Action.PERMIT ? "permits" : "denies";
        SourceRef s = d.source();
        if (s == null) {
            String policy = d.policy() != null ? d.policy().name() : "the firewall";
            return new Evidence(configFiles.getOrDefault(firewall, firewall), 0,
                    "(implicit default " + d.action().json() + " of " + policy + ")", r, null);
        }
        return evidence(s, r, firewall);
    }

    private Evidence evidence(SourceRef s, String role, String firewall) {
        if (s == null) return new Evidence(configFiles.getOrDefault(firewall, firewall), 0, "", role, null);
        String cell = s.sheet() != null ? s.sheet() + "!" + (s.cell() != null ? s.cell() : "A" + s.line()) : null;
        return new Evidence(s.file(), s.line(), s.text(), role, cell);
    }

    /** Stable id: no line numbers, so an inserted comment line does not change it. */
    static String id(FindingType type, String requirement, String firewall, String flow, List<Evidence> evidence) {
        StringBuilder key = new StringBuilder().append(type).append('|').append(requirement).append('|').append(firewall)
                .append('|').append(flow);
        for (Evidence e : evidence) key.append('|').append(e.role()).append(':').append(e.text() == null ? "" : e.text().strip());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "f-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
