package io.lyncaudit.analysis;

import io.lyncaudit.catalog.EndpointSpec;
import io.lyncaudit.deployment.Address;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.EdgeInterface;
import io.lyncaudit.deployment.EdgeServer;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.deployment.Pool;
import io.lyncaudit.deployment.Role;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are: the addresses of each role, each side of the deployment, and what lies
 * behind each interface of each firewall. Edge and reverse proxy interfaces always belong to the
 * perimeter, whatever network their addresses fall in, because that is where the docs put them.
 */
public final class Topology {
    private final Deployment d;
    private final IntervalSet perimeterHosts;
    private final IntervalSet lyncAddresses;

    public Topology(Deployment d) {
        this.d = d;
        IntervalSet p = IntervalSet.EMPTY;
        for (EdgeServer s : edgeNodesAndVips()) {
            p = p.union(s.internal().set());
            for (EdgeInterface i : List.of(s.accessEdge(), s.webConferencingEdge(), s.avEdge())) p = p.union(both(i));
        }
        for (Pool pool : d.pools(Role.REVERSE_PROXY)) {
            if (pool.internal() != null) p = p.union(pool.internal().set());
            if (pool.external() != null) p = p.union(both(pool.external()));
            for (Address a : pool.servers()) p = p.union(a.set());
        }
        this.perimeterHosts = p;
        IntervalSet l = p;
        for (Pool pool : d.pools()) l = l.union(poolAddresses(pool));
        this.lyncAddresses = l;
    }

    public Deployment deployment() {
        return d;
    }

    private static IntervalSet both(EdgeInterface i) {
        IntervalSet s = i.address().set();
        return i.publicAddress() != null ? s.union(i.publicAddress().set()) : s;
    }

    private List<EdgeServer> edgeNodesAndVips() {
        List<EdgeServer> l = new ArrayList<>(d.edge().servers());
        if (d.edge().vips() != null) l.add(d.edge().vips());
        return l;
    }

    private static IntervalSet poolAddresses(Pool pool) {
        IntervalSet s = IntervalSet.EMPTY;
        if (pool.vip() != null) s = s.union(pool.vip().set());
        for (Address a : pool.servers()) s = s.union(a.set());
        if (pool.internal() != null) s = s.union(pool.internal().set());
        if (pool.external() != null) s = s.union(both(pool.external()));
        return s;
    }

    /** Every address of a Lync server, VIP or Edge interface (private and public): EXTRA looks at traffic to and from these. */
    public IntervalSet lyncAddresses() {
        return lyncAddresses;
    }

    /** The addresses of one side of the deployment: a named network, "internet", or "internal" (every inside network). */
    public IntervalSet side(String name) {
        if (name.equals("perimeter")) return d.network("perimeter").union(perimeterHosts);
        if (name.equals("internal")) {
            IntervalSet s = IntervalSet.EMPTY;
            for (String n : d.sideNetworks()) {
                if (!n.equals("perimeter") && !n.equals("internet")) s = s.union(d.network(n));
            }
            return s.subtract(perimeterHosts);
        }
        return d.network(name).subtract(perimeterHosts);
    }

    /** What lies behind each interface of a firewall; nested networks go to the interface that names them. */
    public Map<String, IntervalSet> interfaces(FirewallSpec fw) {
        Map<String, IntervalSet> raw = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : fw.interfaces().entrySet()) {
            IntervalSet s = IntervalSet.EMPTY;
            for (String n : e.getValue()) s = s.union(side(n));
            raw.put(e.getKey(), s);
        }
        Map<String, IntervalSet> out = new LinkedHashMap<>();
        for (Map.Entry<String, IntervalSet> e : raw.entrySet()) {
            IntervalSet s = e.getValue();
            for (Map.Entry<String, IntervalSet> o : raw.entrySet()) {
                if (o.getKey().equals(e.getKey())) continue;
                IntervalSet other = o.getValue();
                // a network nested inside ours and named by another interface belongs to that interface
                if (s.containsAll(other) && !other.containsAll(s)) s = s.subtract(other);
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** The addresses a catalog endpoint must be allowed to reach or come from, as this firewall sees them. */
    public IntervalSet required(EndpointSpec e, FirewallSpec fw) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String role : e.required()) s = s.union(role(role, fw));
        return s;
    }

    /** The broadest set the docs allow for the endpoint: the whole side for "Any (can be defined as ...)". */
    public IntervalSet justified(EndpointSpec e, FirewallSpec fw) {
        return e.anySide() != null ? side(e.anySide()) : required(e, fw);
    }

    /** True when the endpoint means every address of a side or of the internet (rendered as "any"). */
    public static boolean isWholeSide(EndpointSpec e) {
        return e.anySide() == null && e.required().size() == 1
                && List.of("internet", "internal", "federationPartners", "publicImPartners", "xmppPartners", "any").contains(e.required().get(0));
    }

    /**
     * How a flow endpoint reads in reports: "any" for the internet (and partner lists left at their
     * default), the declared networks for the internal side, else the addresses themselves.
     */
    public String label(EndpointSpec e, IntervalSet addresses) {
        if (isWholeSide(e)) {
            String n = e.required().get(0);
            if (n.equals("internet") || (!n.equals("internal") && !d.networks().containsKey(n))) return "any";
            if (n.equals("internal")) {
                IntervalSet s = IntervalSet.EMPTY;
                for (String side : d.sideNetworks()) {
                    if (!side.equals("perimeter") && !side.equals("internet")) s = s.union(d.network(side));
                }
                return Addresses.format(s);
            }
            return Addresses.format(d.network(n));
        }
        return Addresses.format(addresses);
    }

    private IntervalSet role(String role, FirewallSpec fw) {
        boolean pub = fw != null && fw.seesPublicEdgeAddresses();
        IntervalSet s = IntervalSet.EMPTY;
        switch (role) {
            case "internet", "internal" -> s = side(role);
            case "federationPartners", "publicImPartners", "xmppPartners" ->
                    s = d.networks().containsKey(role) ? d.network(role) : side("internet");
            case "accessEdge", "webConferencingEdge", "avEdge" -> {
                for (EdgeServer e : d.edge().servers()) {
                    EdgeInterface i = switch (role) {
                        case "accessEdge" -> e.accessEdge();
                        case "webConferencingEdge" -> e.webConferencingEdge();
                        default -> e.avEdge();
                    };
                    s = s.union(pub ? i.outsideAddress().set() : i.address().set());
                }
            }
            case "edgeInternal" -> {
                for (EdgeServer e : d.edge().servers()) s = s.union(e.internal().set());
            }
            case "frontEnd" -> s = pools(Role.FRONT_END, true);
            case "frontEndServers" -> s = pools(Role.FRONT_END, false);
            case "director" -> s = pools(Role.DIRECTOR, true);
            case "sba" -> s = pools(Role.SBA, true);
            case "cms" -> {
                for (Pool p : d.pools()) {
                    if (p.centralManagementStore()) s = s.union(poolAddresses(p));
                }
                if (s.isEmpty()) s = pools(Role.FRONT_END, true);
            }
            // IPsec exceptions: host addresses (IPsec is negotiated by the servers, not by a VIP)
            case "any" -> s = Addresses.ALL;
            case "mediation" -> {
                s = pools(Role.MEDIATION, false);
                for (Pool p : d.pools(Role.FRONT_END)) {
                    if (p.collocatedMediation()) for (Address a : p.servers()) s = s.union(a.set());
                }
            }
            case "conferencingAttendant", "applicationSharing" -> s = pools(Role.FRONT_END, false);
            case "exchangeUm" -> s = pools(Role.EXCHANGE_UM, false);
            default -> throw new IllegalArgumentException("unknown endpoint " + role);
        }
        return s;
    }

    private IntervalSet pools(Role r, boolean withVip) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) {
            for (Address a : p.servers()) s = s.union(a.set());
            if (withVip && p.vip() != null) s = s.union(p.vip().set());
        }
        return s;
    }
}
