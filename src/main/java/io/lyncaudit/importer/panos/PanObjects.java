package io.lyncaudit.importer.panos;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the names a rule uses (address objects and groups, external lists, regions, services
 * and service groups, applications, application groups and filters) within the scopes it sees: its
 * own (a vsys, a device group) first, then its ancestors, then {@code shared}. Every result says
 * what the device surely matches, what it may match, and why the two differ; an object that cannot
 * be modelled exactly (an FQDN, a dynamic group, an external list, a country, an application whose
 * ports are not known) reads as what is certain and may match more.
 *
 * <p>Group nesting is limited ({@value #MAX_DEPTH} levels) and cycles are reported, never followed
 * forever. Results are kept per object, so a group used by thousands of rules is resolved once.
 */
final class PanObjects {
    /** Groups nested deeper than this are refused (PAN-OS itself allows 32 levels of address groups). */
    static final int MAX_DEPTH = 64;
    /** A wildcard mask with more non-trailing wildcard bits than this is not expanded into intervals. */
    static final int MAX_WILDCARD_BITS = 12;

    private static final long V4_MAPPED = 0x0000_FFFF_0000_0000L;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z][A-Z0-9]");
    private static final Set<String> LABELS = Set.of("description", "tag", "color", "comments", "disable-override");

    /** An address operand: what the device surely matches, what it may match, why they differ. */
    record Side(IntervalSet sure, IntervalSet may, List<String> why) {
        static Side exact(IntervalSet s) {
            return new Side(s, s, List.of());
        }

        static Side unknown(String why) {
            return new Side(IntervalSet.EMPTY, Addresses.ALL, List.of(why));
        }

        /** The union of many operands, in n log n (a group of thousands of members). */
        static Side union(List<Side> sides) {
            List<IntervalSet> sure = new ArrayList<>(sides.size()), may = new ArrayList<>(sides.size());
            Set<String> why = new LinkedHashSet<>();
            for (Side s : sides) {
                sure.add(s.sure);
                may.add(s.may);
                why.addAll(s.why);
            }
            return new Side(IntervalSet.unionOf(sure), IntervalSet.unionOf(may), List.copyOf(why));
        }

        Side or(Side o) {
            List<String> w = new ArrayList<>(why);
            for (String x : o.why) if (!w.contains(x)) w.add(x);
            return new Side(sure.union(o.sure), may.union(o.may), w);
        }
    }

    /** Protocols and ports (addresses left whole): what is sure, what may match, why they differ. */
    record L4(PacketSet sure, PacketSet may, List<String> why) {
        static final L4 NONE = new L4(PacketSet.EMPTY, PacketSet.EMPTY, List.of());

        static L4 exact(PacketSet s) {
            return new L4(s, s, List.of());
        }

        static L4 unknown(String why) {
            return new L4(PacketSet.EMPTY, PacketSet.ALL, List.of(why));
        }

        L4 or(L4 o) {
            List<String> w = new ArrayList<>(why);
            for (String x : o.why) if (!w.contains(x)) w.add(x);
            return new L4(sure.union(o.sure), may.union(o.may), w);
        }

        L4 with(String reason) {
            List<String> w = new ArrayList<>(why);
            if (!w.contains(reason)) w.add(reason);
            return new L4(sure, may, w);
        }
    }

    /** What one application name stands for at L4. */
    record AppL4(String name, PacketSet defaults, PacketSet transports, String unknown) {}

    private final PanLedger ledger;
    /** The scopes each scope sees, itself first. */
    private final Map<PanNode, List<PanNode>> chains = new IdentityHashMap<>();
    private final Map<PanNode, Side> addressMemo = new IdentityHashMap<>();
    private final Map<PanNode, L4> serviceMemo = new IdentityHashMap<>();
    private final Map<PanNode, List<AppL4>> appMemo = new IdentityHashMap<>();
    private final Set<PanNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Object entries something used names. */
    final Set<PanNode> used = Collections.newSetFromMap(new IdentityHashMap<>());

    PanObjects(PanLedger ledger) {
        this.ledger = ledger;
    }

    /** Declares the scopes {@code scope} sees, itself first. */
    void chain(PanNode scope, List<PanNode> chain) {
        chains.put(scope, chain);
    }

    List<PanNode> chainOf(PanNode scope) {
        List<PanNode> c = chains.get(scope);
        return c != null ? c : List.of(scope);
    }

    /** The scope an object belongs to. */
    private static PanNode scopeOf(PanNode n) {
        for (PanNode p = n; p != null; p = p.parent) if (PanSchema.isScope(p)) return p;
        return null;
    }

    private List<PanNode> chainAt(PanNode object) {
        PanNode s = scopeOf(object);
        return s == null ? List.of() : chainOf(s);
    }

    /** The object entry of one of {@code kinds} named {@code name} in the first scope of the chain that has one. */
    static PanNode find(List<PanNode> chain, String name, String... kinds) {
        for (PanNode scope : chain) {
            for (String k : kinds) {
                PanNode coll = scope.child(k);
                if (coll == null) continue;
                PanNode e = coll.entry(name);
                if (e != null) return e;
                for (PanNode more : scope.childrenNamed(k)) {
                    e = more == coll ? null : more.entry(name);
                    if (e != null) return e;
                }
            }
        }
        return null;
    }

    // ---- addresses ----------------------------------------------------------------------------

    /** A rule's or group's address operand {@code value}, named by {@code member} (marked with what it meets). */
    Side address(String value, PanNode member, List<PanNode> chain) {
        return address(value, member, chain, 0);
    }

    private Side address(String value, PanNode member, List<PanNode> chain, int depth) {
        if (value.equals("any")) return Side.exact(Addresses.ALL);
        PanNode obj = find(chain, value, "address", "address-group", "external-list", "region");
        if (obj != null) {
            used.add(obj);
            Side s = object(obj, depth);
            for (String w : s.why) ledger.unsupported(member, w);
            if (s.sure.isEmpty() && s.why.isEmpty()) ledger.unrecognized(member, obj.parent.name + " '" + value + "' matches no address");
            return s;
        }
        if (looksLiteral(value)) {
            try {
                return Side.exact(cidr(value));
            } catch (IllegalArgumentException e) {
                String why = e.getMessage() + "; it may match any address";
                ledger.unrecognized(member, why);
                return Side.unknown(why);
            }
        }
        if (COUNTRY.matcher(value).matches()) {
            String why = "region " + value + " (a country, from the firewall's geolocation database) is not modelled; it may match any address";
            ledger.unsupported(member, why);
            return Side.unknown(why);
        }
        String why = "'" + value + "' is no address object, group, external list, region or address; it may match any address";
        ledger.unrecognized(member, why);
        return Side.unknown(why);
    }

    private Side object(PanNode obj, int depth) {
        return resolved(addressMemo, obj, depth, why -> Side.unknown(why + "; it may match any address"), label -> switch (obj.parent.name) {
            case "address" -> addressObject(obj, label);
            case "address-group" -> addressGroup(obj, label, depth);
            case "external-list" -> externalList(obj, label);
            default -> region(obj, label);
        });
    }

    /**
     * An object or group resolved once (its result kept in {@code memo}), with the nesting depth
     * and cycles checked: a group deeper than {@value #MAX_DEPTH} or that contains itself is
     * {@code unknown}, with the reason.
     */
    private <T> T resolved(Map<PanNode, T> memo, PanNode obj, int depth, java.util.function.Function<String, T> unknown,
                           java.util.function.Function<String, T> resolve) {
        T m = memo.get(obj);
        if (m != null) return m;
        String label = obj.parent.name + " '" + obj.entry + "'";
        if (depth > MAX_DEPTH) return unknown.apply(label + ": groups nested deeper than " + MAX_DEPTH);
        if (!inProgress.add(obj)) return unknown.apply(label + " contains itself");
        try {
            T s = resolve.apply(label);
            memo.put(obj, s);
            return s;
        } finally {
            inProgress.remove(obj);
        }
    }

    private Side addressObject(PanNode obj, String label) {
        Side out = null;
        for (PanNode c : obj.children()) {
            if (LABELS.contains(c.name)) continue;
            String v = c.value();
            Side s;
            try {
                s = switch (c.name) {
                    case "ip-netmask" -> Side.exact(cidr(v));
                    case "ip-range" -> Side.exact(range(v));
                    case "ip-wildcard" -> wildcard(v, label);
                    case "fqdn" -> Side.unknown(label + " is the FQDN " + v + ", resolved by DNS at run time; it may match any address");
                    default -> null;
                };
            } catch (IllegalArgumentException e) {
                s = Side.unknown(label + ": " + e.getMessage() + "; it may match any address");
                ledger.unrecognized(c, s.why.get(0));
                out = out == null ? s : out.or(s);
                continue;
            }
            if (s == null) {
                ledger.unrecognized(c, "'" + c.name + "' is not an address type this importer knows (ip-netmask, ip-range, ip-wildcard, fqdn)");
                s = Side.unknown(label + " is of type '" + c.name + "', which is not modelled; it may match any address");
            } else if (!s.why.isEmpty()) {
                ledger.unsupported(c, s.why.get(0));
            } else {
                ledger.used(c);
            }
            out = out == null ? s : out.or(s);
        }
        if (out == null) {
            ledger.unrecognized(obj, label + " has no address");
            return Side.unknown(label + " has no address; it may match any address");
        }
        return out;
    }

    private Side addressGroup(PanNode obj, String label, int depth) {
        PanNode st = obj.child("static");
        PanNode dyn = obj.child("dynamic");
        List<Side> parts = new ArrayList<>();
        if (st != null) {
            ledger.used(st);
            List<PanNode> chain = chainAt(obj);
            for (PanNode m : st.members()) {
                ledger.used(m);
                parts.add(address(m.text(), m, chain, depth + 1));
            }
        }
        if (dyn != null) {
            ledger.used(dyn);
            PanNode f = dyn.child("filter");
            IntervalSet tagged = IntervalSet.EMPTY;
            String filter = f == null ? "" : f.values().isEmpty() ? "" : f.values().get(f.values().size() - 1);
            try {
                TagFilter tf = TagFilter.parse(filter);
                tagged = tagged(tf, chainAt(obj));
                if (f != null) ledger.usedTree(f);
            } catch (IllegalArgumentException e) {
                if (f != null) ledger.unrecognized(f, "dynamic address group filter: " + e.getMessage());
                else ledger.unrecognized(dyn, "dynamic address group without a filter");
            }
            String why = "dynamic address group " + obj.entry + ": its members are registered at run time (User-ID, the API, VM"
                    + " monitoring); read as the address objects the configuration tags to match its filter, it may match any address";
            ledger.unsupported(dyn, why);
            parts.add(new Side(tagged, Addresses.ALL, List.of(why)));
        }
        if (st == null && dyn == null) {
            ledger.unrecognized(obj, label + " is neither static nor dynamic");
            return Side.unknown(label + " has no members; it may match any address");
        }
        return Side.union(parts);
    }

    /** The addresses of the address objects, in the scopes of {@code chain}, whose tags satisfy the filter. */
    private IntervalSet tagged(TagFilter f, List<PanNode> chain) {
        IntervalSet out = IntervalSet.EMPTY;
        Set<String> seen = new HashSet<>();
        for (PanNode scope : chain) {
            for (PanNode coll : scope.childrenNamed("address")) for (PanNode a : coll.entries()) {
                if (!seen.add(a.entry)) continue; // a nearer scope's object of the same name hides it
                PanNode tag = a.child("tag");
                Set<String> tags = new HashSet<>(tag == null ? List.of() : tag.values());
                if (!f.test(tags)) continue;
                used.add(a);
                if (tag != null) ledger.usedTree(tag);
                Side s = object(a, 0);
                out = out.union(s.sure);
            }
        }
        return out;
    }

    private Side externalList(PanNode obj, String label) {
        PanNode type = obj.child("type");
        String kind = type == null ? "" : !type.children().isEmpty() ? type.children().get(0).name : type.value();
        if (!kind.equals("ip") && !kind.equals("predefined-ip")) {
            ledger.unrecognized(obj, label + " is a list of type '" + kind + "', which holds no addresses");
            return Side.unknown(label + " is not a list of addresses; it may match any address");
        }
        return Side.unknown("external dynamic list " + obj.entry + ": its addresses are fetched at run time; it may match any address");
    }

    private Side region(PanNode obj, String label) {
        PanNode a = obj.child("address");
        if (a == null) {
            return Side.unknown(label + " is a region by geography alone, which is not modelled; it may match any address");
        }
        ledger.used(a);
        List<Side> parts = new ArrayList<>();
        for (PanNode m : a.members()) {
            ledger.used(m);
            try {
                parts.add(Side.exact(cidr(m.text())));
            } catch (IllegalArgumentException e) {
                ledger.unrecognized(m, e.getMessage());
                parts.add(Side.unknown(label + ": " + e.getMessage() + "; it may match any address"));
            }
        }
        return Side.union(parts);
    }

    static boolean looksLiteral(String v) {
        if (v.isEmpty()) return false;
        char c = v.charAt(0);
        return Character.isDigit(c) || v.indexOf(':') >= 0;
    }

    /**
     * An address, a prefix ({@code 10.0.0.0/24}; host bits are dropped, as PAN-OS reads
     * {@code 10.0.0.5/24} in an address object as its network) or a range {@code a-b}.
     */
    static IntervalSet cidr(String v) {
        String t = v.strip();
        if (t.indexOf('-') > 0 && t.indexOf('/') < 0) return range(t);
        int slash = t.indexOf('/');
        if (slash < 0) return Addresses.parse(t);
        IntervalSet host = Addresses.parse(t.substring(0, slash));
        int len;
        try {
            len = Integer.parseInt(t.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            return Addresses.parse(t); // a dotted mask, or an error that names the problem
        }
        boolean v4 = Addresses.ALL_V4.containsAll(host) && t.indexOf(':') < 0;
        int max = v4 ? 32 : 128;
        if (len < 0 || len > max) throw new IllegalArgumentException("'" + t + "' is not a valid address: prefix length " + len
                + " is outside 0-" + max);
        BigInteger a = host.first();
        BigInteger span = BigInteger.ONE.shiftLeft(max - len);
        BigInteger base = a.subtract(a.mod(span));
        return IntervalSet.of(base, base.add(span).subtract(BigInteger.ONE));
    }

    static IntervalSet range(String v) {
        String t = v.strip();
        int dash = t.indexOf('-');
        if (dash <= 0) throw new IllegalArgumentException("'" + t + "' is not an address range (a-b)");
        IntervalSet a = Addresses.parse(t.substring(0, dash)), b = Addresses.parse(t.substring(dash + 1));
        if (a.first().compareTo(b.first()) > 0) throw new IllegalArgumentException("range '" + t + "' ends before it starts");
        return IntervalSet.of(a.first(), b.first());
    }

    /**
     * An IPv4 address with a wildcard mask ({@code 10.132.1.2/0.0.2.255}: a one bit in the mask
     * may take any value). The trailing ones make blocks; the other wildcard bits multiply them.
     * Beyond {@value #MAX_WILDCARD_BITS} such bits the set is not expanded: it reads as no address
     * for sure and may be any address in its span.
     */
    private static Side wildcard(String v, String label) {
        int slash = v.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + v + "' is not ADDRESS/WILDCARD-MASK");
        long addr = v4(v.substring(0, slash), v), mask = v4(v.substring(slash + 1), v);
        int trailing = Long.numberOfTrailingZeros(~mask & 0xFFFF_FFFFL);
        if (trailing > 32) trailing = 32;
        long block = trailing == 32 ? 0xFFFF_FFFFL : (1L << trailing) - 1;
        long free = mask & ~block & 0xFFFF_FFFFL;
        long base = addr & ~mask & 0xFFFF_FFFFL;
        int bits = Long.bitCount(free);
        if (bits > MAX_WILDCARD_BITS) {
            IntervalSet span = IntervalSet.of(0L, V4_MAPPED | base, 0L, V4_MAPPED | (base | mask));
            return new Side(IntervalSet.EMPTY, span, List.of(label + ": wildcard mask " + v.substring(slash + 1) + " has " + bits
                    + " scattered wildcard bits, which are not expanded; it may match any address from "
                    + Addresses.format(IntervalSet.of(0L, V4_MAPPED | base, 0L, V4_MAPPED | base)) + " to "
                    + Addresses.format(IntervalSet.of(0L, V4_MAPPED | (base | mask), 0L, V4_MAPPED | (base | mask)))));
        }
        List<IntervalSet> blocks = new ArrayList<>(1 << bits);
        long[] positions = new long[bits];
        int k = 0;
        for (int i = 0; i < 32; i++) if ((free >>> i & 1) == 1) positions[k++] = 1L << i;
        for (long n = 0; n < 1L << bits; n++) {
            long x = base;
            for (int i = 0; i < bits; i++) if ((n >>> i & 1) == 1) x |= positions[i];
            blocks.add(IntervalSet.of(0L, V4_MAPPED | x, 0L, V4_MAPPED | (x | block)));
        }
        return Side.exact(IntervalSet.unionOf(blocks));
    }

    private static long v4(String s, String whole) {
        IntervalSet a = Addresses.parse(s.strip());
        if (!Addresses.ALL_V4.containsAll(a) || !a.size().equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("'" + whole + "' is not an IPv4 address with a wildcard mask");
        }
        return a.startLo(0) & 0xFFFF_FFFFL;
    }

    // ---- services -----------------------------------------------------------------------------

    /** A service operand other than {@code any} and {@code application-default}. */
    L4 service(String value, PanNode member, List<PanNode> chain) {
        return service(value, member, chain, 0);
    }

    private L4 service(String value, PanNode member, List<PanNode> chain, int depth) {
        PanNode obj = find(chain, value, "service", "service-group");
        if (obj != null) {
            used.add(obj);
            L4 s = serviceObject(obj, depth);
            for (String w : s.why) ledger.unrecognized(member, w);
            return s;
        }
        switch (value) {
            case "service-http" -> {
                return L4.exact(PanApplications.tcp(80, 8080));
            }
            case "service-https" -> {
                return L4.exact(PanApplications.tcp(443));
            }
            default -> {
                String why = "service '" + value + "' is not defined; it may match any protocol and port";
                ledger.unrecognized(member, why);
                return L4.unknown(why);
            }
        }
    }

    private L4 serviceObject(PanNode obj, int depth) {
        return resolved(serviceMemo, obj, depth, why -> L4.unknown(why + "; it may match any protocol and port"),
                label -> obj.parent.name.equals("service") ? serviceEntry(obj, label) : serviceGroup(obj, depth));
    }

    private L4 serviceEntry(PanNode obj, String label) {
        PanNode proto = obj.child("protocol");
        if (proto == null || proto.children().isEmpty()) {
            ledger.unrecognized(obj, label + " has no protocol");
            return L4.unknown(label + " has no protocol; it may match any protocol and port");
        }
        ledger.used(proto);
        L4 out = L4.NONE;
        for (PanNode p : proto.children()) {
            IntervalSet protocols = switch (p.name) {
                case "tcp" -> Protocols.TCP_SET;
                case "udp" -> Protocols.UDP_SET;
                case "sctp" -> IntervalSet.point(132);
                default -> null;
            };
            if (protocols == null) {
                ledger.unrecognized(p, "protocol '" + p.name + "' is not one a service can have (tcp, udp, sctp)");
                out = out.or(L4.unknown(label + ": protocol '" + p.name + "' is not understood; it may match any protocol and port"));
                continue;
            }
            ledger.used(p);
            try {
                IntervalSet dports = portsOf(p.child("port"), true);
                IntervalSet sports = portsOf(p.child("source-port"), false);
                out = out.or(L4.exact(PacketSet.of(new PacketBox(protocols, Addresses.ALL, Addresses.ALL, sports, dports))));
            } catch (IllegalArgumentException e) {
                ledger.unrecognized(p, label + ": " + e.getMessage());
                out = out.or(new L4(PacketSet.EMPTY, PanApplications.protocol(protocols),
                        List.of(label + ": " + e.getMessage() + "; it may match any " + p.name + " port")));
            }
            for (PanNode c : p.children()) {
                if (c.name.equals("override")) ledger.ignoredTree(c, "session timeout override: does not decide which traffic passes");
            }
        }
        return out;
    }

    private IntervalSet portsOf(PanNode n, boolean required) {
        if (n == null || n.values().isEmpty()) {
            if (required) throw new IllegalArgumentException("no destination port");
            return Ports.ALL;
        }
        ledger.usedTree(n);
        IntervalSet out = IntervalSet.EMPTY;
        for (String v : n.values()) {
            for (String part : v.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) throw new IllegalArgumentException("an empty port in '" + v + "'");
                if (!p.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-')) {
                    throw new IllegalArgumentException("'" + p + "' is not a port or port range");
                }
                out = out.union(Ports.parseRange(p));
            }
        }
        return out;
    }

    private L4 serviceGroup(PanNode obj, int depth) {
        List<PanNode> members = groupMembers(obj);
        L4 out = L4.NONE;
        List<PanNode> chain = chainAt(obj);
        for (PanNode m : members) {
            ledger.used(m);
            out = out.or(service(m.text(), m, chain, depth + 1));
        }
        return out;
    }

    /** A group's members: {@code <members><member>} (PAN-OS 6.1 and later) or {@code <member>} directly. */
    private List<PanNode> groupMembers(PanNode obj) {
        PanNode ms = obj.child("members");
        if (ms != null) {
            ledger.used(ms);
            return ms.members();
        }
        return obj.members();
    }

    // ---- applications -------------------------------------------------------------------------

    /** What an application name (an application, a group, a filter) stands for, application by application. */
    List<AppL4> application(String value, PanNode member, List<PanNode> chain) {
        return application(value, member, chain, 0);
    }

    private List<AppL4> application(String value, PanNode member, List<PanNode> chain, int depth) {
        PanNode obj = find(chain, value, "application", "application-group", "application-filter");
        if (obj == null) {
            PanApplications.App a = PanApplications.known(value);
            if (a != null) return List.of(new AppL4(value, a.defaults(), a.transports(), null));
            return List.of(new AppL4(value, null, null, "application " + value + ": its default ports are not in this importer's table"));
        }
        used.add(obj);
        return resolved(appMemo, obj, depth, why -> {
            ledger.unrecognized(member, why);
            return List.of(new AppL4(value, null, null, why));
        }, label -> switch (obj.parent.name) {
            case "application" -> List.of(customApp(obj, label));
            case "application-group" -> {
                List<AppL4> all = new ArrayList<>();
                List<PanNode> ch = chainAt(obj);
                for (PanNode mm : groupMembers(obj)) {
                    ledger.used(mm);
                    all.addAll(application(mm.text(), mm, ch, depth + 1));
                }
                yield all;
            }
            default -> {
                for (PanNode c : obj.children()) if (!LABELS.contains(c.name)) ledger.usedTree(c);
                yield List.of(new AppL4(value, null, null, "application filter " + obj.entry
                        + " matches applications by their characteristics, which are not modelled"));
            }
        });
    }

    /** A custom application: its default ports, IP protocol or ICMP type, when the configuration states them. */
    private AppL4 customApp(PanNode obj, String label) {
        PanNode def = obj.child("default");
        String name = obj.entry;
        for (PanNode c : obj.children()) {
            if (c != def && !LABELS.contains(c.name)) {
                ledger.ignoredTree(c, "how App-ID recognises the custom application (category, signatures, timeouts): the audit reads its"
                        + " default ports");
            }
        }
        if (def == null) return new AppL4(name, null, null, label + " states no default ports");
        ledger.used(def);
        PacketSet ports = PacketSet.EMPTY;
        String why = null;
        for (PanNode c : def.children()) {
            switch (c.name) {
                case "port" -> {
                    for (PanNode m : c.members().isEmpty() ? List.of(c) : c.members()) {
                        ledger.used(m);
                        try {
                            ports = ports.union(appPorts(m.value()));
                        } catch (IllegalArgumentException e) {
                            ledger.unsupported(m, label + ": " + e.getMessage());
                            why = label + ": " + e.getMessage();
                        }
                    }
                    ledger.used(c);
                }
                case "ident-by-ip-protocol" -> {
                    ledger.usedTree(c);
                    try {
                        int p = Integer.parseInt(c.values().isEmpty() ? "" : c.values().get(0));
                        if (p < 0 || p > 255) throw new NumberFormatException();
                        ports = ports.union(PanApplications.protocol(p));
                    } catch (NumberFormatException e) {
                        ledger.unrecognized(c, label + ": not an IP protocol number");
                        why = label + ": its IP protocol is not a number";
                    }
                }
                case "ident-by-icmp-type", "ident-by-icmp6-type" -> {
                    String t = c.name.contains("6") ? "ICMPv6" : "ICMP";
                    why = label + " is identified by an " + t + " type, which is not modelled: it is read as every " + t + " type";
                    ledger.unsupportedTree(c, why);
                    ports = ports.union(PanApplications.protocol(c.name.contains("6") ? Protocols.ICMPV6 : Protocols.ICMP));
                }
                default -> {
                    ledger.unrecognized(c, "'" + c.name + "' is not understood in " + label + "'s default");
                    why = label + ": its default '" + c.name + "' is not understood";
                }
            }
        }
        PacketSet transports = PacketSet.EMPTY;
        for (PacketBox b : ports.boxes()) transports = transports.union(PanApplications.protocol(b.protocols()));
        if (why != null) return new AppL4(name, ports, transports.isEmpty() ? PacketSet.ALL : transports, why);
        return new AppL4(name, ports, transports, null);
    }

    /** {@code tcp/80,443,8000-8080} or {@code udp/dynamic} as packets. */
    private static PacketSet appPorts(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + v + "' is not PROTOCOL/PORTS");
        String proto = v.substring(0, slash).strip().toLowerCase(Locale.ROOT);
        IntervalSet protocols = switch (proto) {
            case "tcp" -> Protocols.TCP_SET;
            case "udp" -> Protocols.UDP_SET;
            default -> throw new IllegalArgumentException("protocol '" + proto + "' in '" + v + "' is not tcp or udp");
        };
        String ports = v.substring(slash + 1).strip();
        if (ports.equals("dynamic")) throw new IllegalArgumentException("'" + v + "': ports negotiated at run time are not modelled");
        IntervalSet p = IntervalSet.EMPTY;
        for (String part : ports.split(",")) {
            String s = part.strip();
            if (!s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-') || s.isEmpty()) {
                throw new IllegalArgumentException("'" + s + "' is not a port or port range");
            }
            p = p.union(Ports.parseRange(s));
        }
        return PacketSet.of(new PacketBox(protocols, Addresses.ALL, Addresses.ALL, Ports.ALL, p));
    }

    // ---- the lines of objects ---------------------------------------------------------------

    /**
     * Accounts for the lines of every object of the scopes: those something used names are used
     * (their labels ignored), the others ignored, saying that they filter nothing.
     */
    void finish(Iterable<PanNode> scopes) {
        for (PanNode scope : scopes) {
            for (String kind : new String[] {"address", "address-group", "service", "service-group", "application", "application-group",
                    "application-filter", "external-list", "region"}) {
                for (PanNode coll : scope.childrenNamed(kind)) for (PanNode e : coll.children()) {
                    if (e.entry == null) continue;
                    if (!used.contains(e)) {
                        ledger.ignoredTree(e, kind + " '" + e.entry + "' is used by no rule that filters: it filters nothing");
                        continue;
                    }
                    ledger.used(e);
                    for (PanNode c : e.children()) {
                        if (LABELS.contains(c.name) && c.verdict == null) {
                            ledger.ignoredTree(c, c.name + ": labels the object; does not decide which traffic passes");
                        } else if (c.verdict == null && kind.equals("external-list")) {
                            ledger.usedTree(c);
                        } else if (c.verdict == null && kind.equals("region")) {
                            ledger.ignoredTree(c, "the region's geographic location: not used to match addresses");
                        }
                    }
                }
            }
        }
    }

    /** A dynamic address group's filter: tags joined with {@code and}, {@code or} and parentheses. */
    static final class TagFilter {
        private final List<String> tokens;
        private int pos;

        private TagFilter(List<String> tokens) {
            this.tokens = tokens;
        }

        /** The parsed filter; throws with a readable message when it is not one. */
        static TagFilter parse(String text) {
            List<String> t = new ArrayList<>();
            int i = 0, n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    t.add(String.valueOf(c));
                    i++;
                } else if (c == '\'' || c == '"') {
                    int end = text.indexOf(c, i + 1);
                    if (end < 0) throw new IllegalArgumentException("a quote that is not closed in '" + text + "'");
                    t.add("'" + text.substring(i + 1, end));
                    i = end + 1;
                } else {
                    int j = i;
                    while (j < n && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '(' && text.charAt(j) != ')') j++;
                    String w = text.substring(i, j);
                    t.add(w.equalsIgnoreCase("and") || w.equalsIgnoreCase("or") ? w.toLowerCase(Locale.ROOT) : "'" + w);
                    i = j;
                }
            }
            if (t.isEmpty()) throw new IllegalArgumentException("an empty filter");
            TagFilter f = new TagFilter(t);
            f.check();
            return f;
        }

        private void check() {
            pos = 0;
            Set<String> dummy = new LinkedHashSet<>();
            expr(dummy);
            if (pos != tokens.size()) throw new IllegalArgumentException("'" + tokens.get(pos) + "' is out of place in the filter");
        }

        boolean test(Set<String> tags) {
            pos = 0;
            return expr(tags);
        }

        private boolean expr(Set<String> tags) {
            boolean v = term(tags);
            while (pos < tokens.size() && tokens.get(pos).equals("or")) {
                pos++;
                v |= term(tags);
            }
            return v;
        }

        private boolean term(Set<String> tags) {
            boolean v = factor(tags);
            while (pos < tokens.size() && tokens.get(pos).equals("and")) {
                pos++;
                v &= factor(tags);
            }
            return v;
        }

        private boolean factor(Set<String> tags) {
            if (pos >= tokens.size()) throw new IllegalArgumentException("the filter ends too early");
            String t = tokens.get(pos++);
            if (t.equals("(")) {
                boolean v = expr(tags);
                if (pos >= tokens.size() || !tokens.get(pos).equals(")")) throw new IllegalArgumentException("a '(' that is not closed");
                pos++;
                return v;
            }
            if (!t.startsWith("'")) throw new IllegalArgumentException("'" + t + "' where a tag was expected");
            return tags.contains(t.substring(1));
        }
    }
}
