package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.MatchSpan;
import io.lyncaudit.importer.srx.SrxConfig.Address;
import io.lyncaudit.importer.srx.SrxConfig.AddressBook;
import io.lyncaudit.importer.srx.SrxConfig.AddressSet;
import io.lyncaudit.importer.srx.SrxConfig.Application;
import io.lyncaudit.importer.srx.SrxConfig.ApplicationSet;
import io.lyncaudit.importer.srx.SrxConfig.Zone;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects policies and NAT rules name, resolved: addresses (as a zone's policies see the
 * address books: its own, the books attached to it, the global one) and applications (custom
 * ones, sets, the predefined {@code junos-*} ones of {@link SrxDefaults}), each with how exactly it
 * is read. Resolutions are memoized; every statement an object comes from is marked used when a
 * converted rule names it.
 */
final class SrxObjects {
    /** Address-sets and application-sets nested deeper than this are not resolved. */
    static final int MAX_DEPTH = 64;
    /** A non-contiguous wildcard-address is read exactly up to this many address intervals. */
    static final int MAX_WILDCARD_INTERVALS = 4096;

    private final SrxConfig cfg;
    private final SrxReader reader;
    private final Map<String, Addrs> addressMemo = new HashMap<>();
    private final Map<String, MatchSpan> applicationMemo = new HashMap<>();
    private final Map<String, List<SrxStatement>> addressUses = new HashMap<>();
    private final Map<String, List<SrxStatement>> applicationUses = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    SrxObjects(SrxReader reader) {
        this.cfg = reader.cfg;
        this.reader = reader;
    }

    // ------------------------------------------------------------------ spans

    static PacketSet side(IntervalSet a, boolean source) {
        return PacketSet.of(source ? new PacketBox(Protocols.ALL, a, Addresses.ALL, Ports.ALL, Ports.ALL)
                : new PacketBox(Protocols.ALL, Addresses.ALL, a, Ports.ALL, Ports.ALL));
    }

    /**
     * What an address operand covers, one dimension at a time (cheaper than packet sets, and unions
     * of many members stay one interval set): {@code must} the device surely matches, {@code set} the
     * reading, {@code may} what it possibly matches, and why they differ.
     */
    record Addrs(IntervalSet must, IntervalSet set, IntervalSet may, List<String> why) {
        static Addrs exact(IntervalSet s) {
            return new Addrs(s, s, s, List.of());
        }

        /** Read as nothing; the device may match any of {@code bound}. */
        static Addrs unknown(IntervalSet bound, String why) {
            return new Addrs(IntervalSet.EMPTY, IntervalSet.EMPTY, bound, List.of(why));
        }

        boolean exact() {
            return why.isEmpty();
        }

        Addrs union(Addrs o) {
            if (exact() && o.exact()) return exact(set.union(o.set));
            List<String> w = new ArrayList<>(why);
            for (String x : o.why) if (!w.contains(x) && w.size() < 6) w.add(x);
            return new Addrs(must.union(o.must), set.union(o.set), may.union(o.may), List.copyOf(w));
        }

        /** Every address but these ({@code *-address-excluded}): surely matched where these are surely not. */
        Addrs not() {
            return new Addrs(Addresses.ALL.subtract(may), Addresses.ALL.subtract(set), Addresses.ALL.subtract(must), why);
        }

        /** The packets whose source (or destination) these are, as a span of the rule's match. */
        MatchSpan span(boolean source) {
            if (exact()) return MatchSpan.exact(side(set, source));
            String reason = String.join("; ", why);
            MatchSpan m = MatchSpan.exact(side(must, source));
            if (!set.subtract(must).isEmpty()) m = m.union(MatchSpan.over(side(set.subtract(must), source), 0, reason, null));
            if (!may.subtract(set).isEmpty()) m = m.union(MatchSpan.unknown(side(may.subtract(set), source), 0, reason, null));
            return m;
        }
    }

    static MatchSpan exact(PacketSet s) {
        return MatchSpan.exact(s);
    }

    /** The device matches some of {@code s}, the reading all of it (a condition not modelled that narrows). */
    static MatchSpan over(PacketSet s, String why) {
        return MatchSpan.over(s, 0, why, null);
    }

    /** The device matches some of {@code bound}, the reading none of it (a name that cannot be resolved). */
    static MatchSpan unknown(PacketSet bound, String why) {
        return MatchSpan.unknown(bound, 0, why, null);
    }

    void use(SrxStatement st) {
        if (!st.used) reader.use(st);
    }

    void useAll(List<SrxStatement> sts) {
        for (SrxStatement st : sts) use(st);
    }

    // ------------------------------------------------------------------ addresses

    /** The address books a policy of zone {@code zone} resolves names in, most specific first (null: the global book only). */
    private List<AddressBook> books(String zone) {
        List<AddressBook> out = new ArrayList<>(3);
        if (zone != null) {
            Zone z = cfg.zones.get(zone);
            if (z != null) out.add(z.book);
            for (AddressBook b : cfg.books.values()) if (b.attached.containsKey(zone)) out.add(b);
        }
        out.add(cfg.globalBook);
        return out;
    }

    /**
     * The addresses the named address, address-set or keyword stands for, as a policy of zone
     * {@code zone} resolves it (null: the global book only); {@code ref} is the statement that names it.
     */
    Addrs address(String name, String zone, SrxStatement ref) {
        switch (name) {
            case "any" -> {
                return Addrs.exact(Addresses.ALL);
            }
            case "any-ipv4" -> {
                return Addrs.exact(Addresses.ALL_V4);
            }
            case "any-ipv6" -> {
                return Addrs.exact(Addresses.ALL_V6);
            }
            default -> { }
        }
        String key = (zone == null ? "" : zone) + "\u0000" + name;
        Addrs memo = addressMemo.get(key);
        if (memo != null) {
            useAll(addressUses.get(key));
            return memo;
        }
        List<SrxStatement> uses = new ArrayList<>();
        Addrs s = resolveAddress(name, books(zone), ref, uses, 0);
        addressMemo.put(key, s);
        addressUses.put(key, uses);
        useAll(uses);
        return s;
    }

    private Addrs resolveAddress(String name, List<AddressBook> books, SrxStatement ref, List<SrxStatement> uses, int depth) {
        if (depth > MAX_DEPTH) {
            reader.unsupported(ref, "address-sets nested deeper than " + MAX_DEPTH + " levels are not resolved");
            return Addrs.unknown(Addresses.ALL, "address-set " + name + " is nested deeper than " + MAX_DEPTH + " levels: it may match any address");
        }
        for (AddressBook b : books) {
            Address a = b.addresses.get(name);
            if (a != null && a.value != null) return addressEntry(a, uses);
            AddressSet set = b.sets.get(name);
            if (set != null) {
                String guard = b.name + "\u0000" + name;
                if (!inProgress.add(guard)) {
                    reader.unsupported(ref, "address-set " + name + " contains itself");
                    return Addrs.unknown(Addresses.ALL, "address-set " + name + " contains itself: it may match any address");
                }
                try {
                    Addrs s = Addrs.exact(IntervalSet.EMPTY);
                    for (SrxStatement m : set.members) {
                        uses.add(m);
                        s = s.union(resolveAddress(m.word(m.size() - 1), books, m, uses, depth + 1));
                    }
                    return s;
                } finally {
                    inProgress.remove(guard);
                }
            }
        }
        reader.unsupported(ref, "address '" + name + "' is not defined in the address books this policy sees");
        return Addrs.unknown(Addresses.ALL, "address " + name + " is not defined: it may match any address");
    }

    private Addrs addressEntry(Address a, List<SrxStatement> uses) {
        SrxStatement st = a.value;
        uses.add(st);
        String v = st.word(a.at);
        try {
            switch (v) {
                case "range-address" -> {
                    if (!st.is(a.at + 2, "to") || st.size() != a.at + 4) throw new IllegalArgumentException("expected 'range-address A to B'");
                    return Addrs.exact(Addresses.parse(st.word(a.at + 1) + "-" + st.word(a.at + 3)));
                }
                case "wildcard-address" -> {
                    return wildcard(a.name, st, st.word(a.at + 1));
                }
                case "dns-name" -> {
                    String opt = st.word(a.at + 2);
                    IntervalSet family = "ipv4-only".equals(opt) ? Addresses.ALL_V4 : "ipv6-only".equals(opt) ? Addresses.ALL_V6 : Addresses.ALL;
                    reader.unsupported(st, "a DNS name is resolved by the device at run time; policies using address " + a.name
                            + " are uncertain");
                    return Addrs.unknown(family, "address " + a.name + " is the DNS name " + st.word(a.at + 1)
                            + ", resolved by the device at run time: it may be any address");
                }
                default -> {
                    if (st.size() != a.at + 1) throw new IllegalArgumentException("expected one address or prefix");
                    return Addrs.exact(Addresses.parse(v));
                }
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            reader.unsupported(st, "address " + a.name + " cannot be read (" + (e.getMessage() == null ? "incomplete" : e.getMessage())
                    + ")");
            return Addrs.unknown(Addresses.ALL, "address " + a.name + " cannot be read: it may match any address");
        }
    }

    /** {@code a.b.c.d/m.m.m.m} with a mask that need not be contiguous: the addresses that agree with a.b.c.d where the mask has ones. */
    private Addrs wildcard(String name, SrxStatement st, String w) {
        int slash = w == null ? -1 : w.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("expected 'wildcard-address ADDRESS/MASK'");
        long addr = v4(w.substring(0, slash)), mask = v4(w.substring(slash + 1));
        if (mask == 0) return Addrs.exact(Addresses.ALL_V4);
        int low = Long.numberOfTrailingZeros(mask);
        List<Integer> free = new ArrayList<>();
        for (int b = low + 1; b < 32; b++) if ((mask >>> b & 1) == 0) free.add(b);
        long base = addr & mask;
        long span = (1L << low) - 1;
        if (1L << free.size() > MAX_WILDCARD_INTERVALS) {
            long hullHi = base | span;
            for (int b : free) hullHi |= 1L << b;
            IntervalSet hull = Addresses.parse(dotted(base) + "-" + dotted(hullHi));
            reader.unsupported(st, "wildcard-address " + w + " spans more than " + MAX_WILDCARD_INTERVALS + " address ranges");
            return Addrs.unknown(hull, "address " + name + " is the wildcard " + w + ", more than " + MAX_WILDCARD_INTERVALS
                    + " address ranges: it may be any address between " + dotted(base) + " and " + dotted(hullHi));
        }
        List<IntervalSet> parts = new ArrayList<>(1 << free.size());
        for (long c = 0; c < 1L << free.size(); c++) {
            long v = base;
            for (int k = 0; k < free.size(); k++) if ((c >>> k & 1) == 1) v |= 1L << free.get(k);
            parts.add(Addresses.parse(dotted(v) + "-" + dotted(v | span)));
        }
        return Addrs.exact(IntervalSet.unionOf(parts));
    }

    private static long v4(String s) {
        String[] p = s.split("\\.");
        if (p.length != 4) throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
        long v = 0;
        for (String o : p) {
            int n = Integer.parseInt(o);
            if (n < 0 || n > 255) throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
            v = v << 8 | n;
        }
        return v;
    }

    private static String dotted(long v) {
        return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }

    // ------------------------------------------------------------------ applications

    /** The packets of the named application, application-set or {@code any}; {@code ref} names it. */
    MatchSpan application(String name, SrxStatement ref) {
        if (name.equals("any")) return exact(PacketSet.ALL);
        MatchSpan memo = applicationMemo.get(name);
        if (memo != null) {
            useAll(applicationUses.get(name));
            return memo;
        }
        List<SrxStatement> uses = new ArrayList<>();
        MatchSpan s = resolveApplication(name, ref, uses, 0);
        applicationMemo.put(name, s);
        applicationUses.put(name, uses);
        useAll(uses);
        return s;
    }

    private MatchSpan resolveApplication(String name, SrxStatement ref, List<SrxStatement> uses, int depth) {
        if (depth > MAX_DEPTH) {
            reader.unsupported(ref, "application-sets nested deeper than " + MAX_DEPTH + " levels are not resolved");
            return unknown(PacketSet.ALL, "application-set " + name + " is nested deeper than " + MAX_DEPTH + " levels: it may match any traffic");
        }
        if (name.equals("any")) return exact(PacketSet.ALL);
        Application app = cfg.applications.get(name);
        if (app != null) {
            MatchSpan s = exact(PacketSet.EMPTY);
            for (Map.Entry<String, List<SrxStatement>> t : app.terms.entrySet()) s = s.union(term(app.name, t.getKey(), t.getValue(), uses));
            if (app.terms.isEmpty()) {
                reader.unsupported(ref, "application " + name + " defines no protocol");
                return unknown(PacketSet.ALL, "application " + name + " defines no protocol: it may match any traffic");
            }
            return s;
        }
        ApplicationSet set = cfg.applicationSets.get(name);
        if (set != null) {
            if (!inProgress.add("app\u0000" + name)) {
                reader.unsupported(ref, "application-set " + name + " contains itself");
                return unknown(PacketSet.ALL, "application-set " + name + " contains itself: it may match any traffic");
            }
            try {
                MatchSpan s = exact(PacketSet.EMPTY);
                for (SrxStatement m : set.members) {
                    uses.add(m);
                    s = s.union(resolveApplication(m.word(m.size() - 1), m, uses, depth + 1));
                }
                return s;
            } finally {
                inProgress.remove("app\u0000" + name);
            }
        }
        SrxDefaults.Definition d = SrxDefaults.application(name);
        if (d != null) {
            MatchSpan s = exact(PacketSet.EMPTY);
            for (SrxDefaults.Term t : d.terms()) {
                s = s.union(switch (t.exactness()) {
                    case EXACT -> exact(t.packets());
                    case OVER -> over(t.packets(), "predefined application " + name + ": " + t.why());
                    case DYNAMIC -> unknown(t.packets(), "predefined application " + name + ": " + t.why());
                });
            }
            for (String m : d.members()) s = s.union(resolveApplication(m, ref, uses, depth + 1));
            return s;
        }
        if (name.equals("junos-defaults")) {
            reader.unsupported(ref, "'application junos-defaults' matches the default ports of the policy's dynamic applications, "
                    + "which are not modelled; the policy is uncertain");
            return unknown(PacketSet.ALL, "application junos-defaults: the default ports of the dynamic applications, not modelled");
        }
        if (name.startsWith("junos-")) {
            reader.unsupported(ref, "predefined application " + name + " is not in lyncaudit's table of Junos defaults (documented "
                    + "definitions only, see docs/importer-srx.md); policies naming it are uncertain");
            return unknown(PacketSet.ALL, "predefined application " + name + " is not in the table of Junos defaults: it may match any traffic");
        }
        reader.unsupported(ref, "application '" + name + "' is not defined");
        return unknown(PacketSet.ALL, "application " + name + " is not defined: it may match any traffic");
    }

    /** Statement words that carry no value. */
    private static final Set<String> FLAGS = Set.of("learn-sip-register", "do-not-translate-A-query-to-AAAA-query",
            "do-not-translate-AAAA-query-to-A-query");

    /** One term of a custom application (the term "" is the application's own definition). */
    private MatchSpan term(String app, String term, List<SrxStatement> sts, List<SrxStatement> uses) {
        String proto = null;
        IntervalSet dports = null, sports = null;
        String icmp = null, rpc = null, bad = null;
        String label = term.isEmpty() ? "application " + app : "application " + app + " term " + term;
        for (SrxStatement st : sts) {
            int k = term.isEmpty() ? 3 : 5;
            boolean matters = false;
            while (k < st.size()) {
                String key = st.word(k);
                if (FLAGS.contains(key)) {
                    k++;
                    continue;
                }
                String v = st.word(k + 1);
                k += 2;
                if (v == null) {
                    bad = "'" + key + "' without a value";
                    break;
                }
                switch (key) {
                    case "protocol" -> {
                        proto = v;
                        matters = true;
                    }
                    case "destination-port" -> {
                        IntervalSet p = ports(v);
                        if (p == null) bad = "destination-port '" + v + "' is not a port or range";
                        else dports = dports == null ? p : dports.union(p);
                        matters = true;
                    }
                    case "source-port" -> {
                        IntervalSet p = ports(v);
                        if (p == null) bad = "source-port '" + v + "' is not a port or range";
                        else sports = sports == null ? p : sports.union(p);
                        matters = true;
                    }
                    case "icmp-type", "icmp-code", "icmp6-type", "icmp6-code" -> {
                        icmp = key + " " + v;
                        matters = true;
                    }
                    case "rpc-program-number", "uuid" -> {
                        rpc = key + " " + v;
                        matters = true;
                    }
                    default -> { } // application-protocol, alg, inactivity-timeout, ttl-threshold, ...: not what it matches
                }
            }
            if (matters) {
                uses.add(st);
            } else {
                reader.explain(st, label + ": an application layer gateway, timeout or description does not change what it matches");
            }
            if (bad != null) {
                reader.unsupported(st, label + ": " + bad);
                break;
            }
        }
        if (bad != null) return unknown(PacketSet.ALL, label + " cannot be read (" + bad + "): it may match any traffic");
        if (proto == null) {
            return unknown(PacketSet.ALL, label + " gives no protocol: it may match any traffic");
        }
        int p = SrxDefaults.protocol(proto);
        if (p < 0) {
            return unknown(PacketSet.ALL, label + ": unknown protocol '" + proto + "': it may match any traffic");
        }
        PacketSet s = PacketSet.of(new PacketBox(IntervalSet.point(p), Addresses.ALL, Addresses.ALL,
                Protocols.hasPorts(p) && sports != null ? sports : Ports.ALL, Protocols.hasPorts(p) && dports != null ? dports : Ports.ALL));
        if (rpc != null) return unknown(s, label + " matches by " + rpc + ": its ports are negotiated at run time");
        if (icmp != null) return over(s, label + ": " + icmp + " is read as every " + Protocols.name(p) + " message");
        return exact(s);
    }

    /** A port, a range {@code a-b} or a Junos port name; null when it is none of these. */
    static IntervalSet ports(String v) {
        Integer named = SrxDefaults.port(v);
        if (named != null) return IntervalSet.point(named);
        try {
            return Ports.parseRange(v);
        } catch (IllegalArgumentException e) {
            int dash = v.indexOf('-');
            if (dash > 0) {
                Integer a = SrxDefaults.port(v.substring(0, dash)), b = SrxDefaults.port(v.substring(dash + 1));
                if (a != null && b != null && a <= b) return IntervalSet.of(a, b);
            }
            return null;
        }
    }
}
