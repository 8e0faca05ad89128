package io.lyncaudit.importer.panos;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The zone a destination routes to, from the export's own interfaces and static routes: PAN-OS
 * matches a NAT rule's destination zone against the route lookup of the original (pre-NAT)
 * destination, in the virtual router of the ingress interface. Connected subnets of the
 * interfaces' addresses and static routes (longest prefix, then the lowest administrative distance
 * and metric) are exact; a virtual router that learns routes at run time (BGP, OSPF, RIP, DHCP or
 * PPPoE addresses), a route to another virtual router, equal routes to different zones, the
 * advanced routing engine or policy-based forwarding make the answer unknown, with the reason.
 */
final class PanRouting {
    /** The destinations that route to the asked zones, or why that cannot be told. */
    record Answer(IntervalSet destinations, String unknown) {}

    /** One route: a prefix, where it leads (an interface; null for a discard route), and its preference. */
    private record Route(IntervalSet prefix, int length, boolean v6, String egress, int distance, int metric, PanNode node) {}

    /** One virtual router's lookup: destinations per egress interface, or why it cannot be made. */
    private record Table(Map<String, IntervalSet> byInterface, String unknown, List<PanNode> nodes) {}

    private final PanNode network;
    private final PanLedger ledger;
    private final PanObjects objects;
    private final List<PanNode> chain;
    /** Interface name to zone name. */
    private final Map<String, String> zoneOf;
    private final String pbf;
    private final Map<String, List<IntervalSet>> addresses = new HashMap<>();
    private final Map<String, PanNode> addressNodes = new HashMap<>();
    private final Set<String> dynamic = new LinkedHashSet<>();
    private final Map<String, PanNode> routers = new LinkedHashMap<>();
    private final Map<String, Table> tables = new HashMap<>();
    private boolean read;

    /**
     * @param network the device's {@code network} node, or null (a Panorama configuration has none)
     * @param zoneOf  each interface's zone in the vsys whose rules are read
     * @param pbf     why policy-based forwarding may override the lookup, or null when there is none
     */
    PanRouting(PanNode network, Map<String, String> zoneOf, PanObjects objects, List<PanNode> chain, PanLedger ledger, String pbf) {
        this.network = network;
        this.zoneOf = zoneOf;
        this.objects = objects;
        this.chain = chain;
        this.ledger = ledger;
        this.pbf = pbf;
    }

    /**
     * The destinations that a packet entering from one of {@code fromZones} (empty: any) routes to
     * an interface of one of {@code toZones}, or to {@code toInterface} when it is not null.
     */
    Answer routedTo(Set<String> fromZones, Set<String> toZones, String toInterface) {
        if (network == null) return new Answer(null, "the export has no interfaces or routes (Panorama policy)");
        if (pbf != null) return new Answer(null, pbf);
        readInterfaces();
        if (network.child("logical-router") != null) {
            return new Answer(null, "the firewall routes with the advanced routing engine (logical routers), which is not read");
        }
        Set<String> vrs = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : zoneOf.entrySet()) {
            if (!fromZones.isEmpty() && !fromZones.contains(e.getValue())) continue;
            String vr = routerOf(e.getKey());
            if (vr != null) vrs.add(vr);
        }
        if (vrs.isEmpty()) return new Answer(null, "no virtual router holds an interface of zone " + String.join(", ", fromZones.isEmpty()
                ? Set.of("any") : fromZones));
        if (vrs.size() > 1) return new Answer(null, "the zones' interfaces are in several virtual routers (" + String.join(", ", vrs) + ")");
        String vr = vrs.iterator().next();
        Table t = tables.computeIfAbsent(vr, this::table);
        if (t.unknown != null) return new Answer(null, "virtual router " + vr + ": " + t.unknown);
        for (PanNode n : t.nodes) ledger.usedTree(n);
        IntervalSet out = IntervalSet.EMPTY;
        for (Map.Entry<String, IntervalSet> e : t.byInterface.entrySet()) {
            boolean hit = toInterface != null ? e.getKey().equals(toInterface) : toZones.contains(zoneOf.get(e.getKey()));
            if (hit) out = out.union(e.getValue());
        }
        return new Answer(out, null);
    }

    private String routerOf(String iface) {
        for (Map.Entry<String, PanNode> e : routers.entrySet()) {
            PanNode members = e.getValue().child("interface");
            if (members != null && members.values().contains(iface)) return e.getKey();
        }
        return null;
    }

    /** Reads every interface's addresses and every virtual router, once. */
    private void readInterfaces() {
        if (read) return;
        read = true;
        PanNode ifs = network.child("interface");
        if (ifs != null) walk(ifs);
        PanNode vrs = network.child("virtual-router");
        if (vrs != null) for (PanNode e : vrs.entries()) routers.put(e.entry, e);
    }

    /** Every interface and subinterface with its addresses: ethernet, aggregate, vlan, loopback and tunnel. */
    private void walk(PanNode ifs) {
        for (PanNode kind : ifs.children()) {
            for (PanNode e : kind.entries()) {
                PanNode l3 = e.child("layer3");
                PanNode holder = l3 != null ? l3 : e;
                ifaceAddresses(e.entry, holder);
                PanNode units = holder.child("units");
                if (units != null) for (PanNode u : units.entries()) ifaceAddresses(u.entry, u);
            }
            PanNode units = kind.child("units");
            if (units != null) for (PanNode u : units.entries()) ifaceAddresses(u.entry, u);
            if (kind.child("ip") != null) ifaceAddresses(kind.name, kind); // the vlan interface itself
        }
    }

    private void ifaceAddresses(String name, PanNode holder) {
        List<IntervalSet> out = addresses.computeIfAbsent(name, k -> new ArrayList<>());
        PanNode ip = holder.child("ip");
        if (ip != null) {
            addressNodes.put(name, ip);
            for (PanNode a : ip.entries()) add(name, a.entry, a, out);
            for (PanNode m : ip.members().isEmpty() && !ip.text().isEmpty() ? List.of(ip) : ip.members()) add(name, m.value(), m, out);
        }
        PanNode v6 = holder.at("ipv6", "address");
        if (v6 != null) for (PanNode a : v6.entries()) add(name, a.entry, a, out);
        if (holder.child("dhcp-client") != null || holder.child("pppoe") != null) dynamic.add(name);
    }

    /** An interface address (a prefix, or an address object's); one that cannot be read leaves the interface's subnet unknown. */
    private void add(String iface, String value, PanNode node, List<IntervalSet> out) {
        IntervalSet a = address(value, node);
        if (a == null) dynamic.add(iface);
        else out.add(a);
    }

    /** A prefix as written, or an address object's; null when it is neither. */
    private IntervalSet address(String value, PanNode node) {
        if (PanObjects.looksLiteral(value)) {
            try {
                return PanObjects.cidr(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        PanObjects.Side s = objects.address(value, node, chain);
        return s.why().isEmpty() && s.sure().intervalCount() == 1 ? s.sure() : null;
    }

    private Table table(String vr) {
        PanNode router = routers.get(vr);
        List<PanNode> nodes = new ArrayList<>();
        PanNode members = router.child("interface");
        if (members != null) nodes.add(members);
        PanNode proto = router.child("protocol");
        if (proto != null) {
            for (PanNode p : proto.children()) {
                PanNode enable = p.child("enable");
                if (enable != null && enable.values().contains("yes")) {
                    return new Table(Map.of(), p.name + " is enabled, so routes are learned at run time", nodes);
                }
            }
        }
        List<String> ifaces = members == null ? List.of() : members.values();
        List<Route> routes = new ArrayList<>();
        for (String i : ifaces) {
            if (dynamic.contains(i)) return new Table(Map.of(), "interface " + i + " learns its address at run time (DHCP or PPPoE)", nodes);
            if (addressNodes.containsKey(i)) nodes.add(addressNodes.get(i));
            for (IntervalSet a : addresses.getOrDefault(i, List.of())) {
                routes.add(new Route(a, length(a), !Addresses.ALL_V4.containsAll(a), i, 0, 0, null));
            }
        }
        for (String family : new String[] {"ip", "ipv6"}) {
            PanNode statics = router.at("routing-table", family, "static-route");
            if (statics == null) continue;
            for (PanNode r : statics.entries()) {
                String why = staticRoute(r, routes, ifaces);
                if (why != null) return new Table(Map.of(), "static route " + r.entry + " " + why, nodes);
                nodes.add(r);
            }
        }
        // the winner per prefix: connected first, then the lowest distance and metric; equal ones must agree
        Map<IntervalSet, Route> best = new LinkedHashMap<>();
        for (Route r : routes) {
            Route b = best.get(r.prefix);
            if (b == null || r.distance < b.distance || r.distance == b.distance && r.metric < b.metric) {
                best.put(r.prefix, r);
            } else if (r.distance == b.distance && r.metric == b.metric && !sameZone(r.egress, b.egress)) {
                return new Table(Map.of(), "equal routes to " + Addresses.format(r.prefix) + " lead to different zones", nodes);
            }
        }
        List<Route> ordered = new ArrayList<>(best.values());
        ordered.sort(Comparator.comparingInt((Route r) -> -r.length));
        Map<String, IntervalSet> by = new LinkedHashMap<>();
        IntervalSet remaining = Addresses.ALL;
        for (Route r : ordered) {
            IntervalSet hit = r.prefix.intersect(remaining);
            remaining = remaining.subtract(r.prefix);
            if (r.egress != null && !hit.isEmpty()) by.merge(r.egress, hit, IntervalSet::union);
        }
        return new Table(by, null, nodes);
    }

    private boolean sameZone(String a, String b) {
        if (a == null || b == null) return a == null && b == null;
        return java.util.Objects.equals(zoneOf.get(a), zoneOf.get(b));
    }

    /** Adds a static route; returns why the table cannot be made, or null. */
    private String staticRoute(PanNode r, List<Route> routes, List<String> ifaces) {
        PanNode dst = r.child("destination");
        IntervalSet prefix;
        prefix = dst == null ? null : address(dst.value(), dst);
        if (prefix == null) return "has a destination that is not one address prefix";
        int distance = number(r.child("admin-dist"), 10), metric = number(r.child("metric"), 10);
        PanNode hop = r.child("nexthop");
        if (hop != null && hop.child("discard") != null) {
            routes.add(new Route(prefix, length(prefix), !Addresses.ALL_V4.containsAll(prefix), null, distance, metric, r));
            return null;
        }
        if (hop != null && (hop.child("next-vr") != null || hop.child("fqdn") != null)) return "leads to another virtual router or an FQDN";
        PanNode iface = r.child("interface");
        String egress = iface == null || iface.values().isEmpty() ? null : iface.values().get(0);
        if (egress == null) {
            PanNode ip = hop == null ? null : hop.child("ip-address") != null ? hop.child("ip-address") : hop.child("ipv6-address");
            if (ip == null || ip.values().isEmpty()) return "has neither an interface nor a next hop";
            IntervalSet gw;
            try {
                gw = PanObjects.cidr(ip.values().get(0));
            } catch (IllegalArgumentException e) {
                return "has a next hop that is not an address";
            }
            for (String i : ifaces) {
                for (IntervalSet a : addresses.getOrDefault(i, List.of())) if (a.containsAll(gw)) egress = i;
            }
            if (egress == null) return "has a next hop outside every connected subnet";
        }
        routes.add(new Route(prefix, length(prefix), !Addresses.ALL_V4.containsAll(prefix), egress, distance, metric, r));
        return null;
    }

    private static int number(PanNode n, int dflt) {
        try {
            return n == null || n.values().isEmpty() ? dflt : Integer.parseInt(n.values().get(0));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** The prefix length of a CIDR block (a single interval of a power-of-two size). */
    private static int length(IntervalSet s) {
        BigInteger size = s.size();
        int bits = size.bitLength() - 1;
        return (Addresses.ALL_V4.containsAll(s) ? 32 : 128) - bits;
    }
}
