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
 *
 * <p>A host firewall ({@code host:} in the deployment) guards one address. It has two
 * pseudo-interfaces: {@value #HOST_SIDE} (the guarded address) and {@value #NETWORK_SIDE} (every
 * other address). Inbound traffic enters at {@code network} and leaves at {@code host}; outbound
 * the other way round. Contract for importers of host firewalls (Windows Firewall): a rule with no
 * zones applies in both directions; an inbound rule sets {@code toZones={"host"}} and an outbound
 * rule {@code fromZones={"host"}}.
 *
 * <p>Servers and load balancers are different endpoints (the vocabulary and its meaning is
 * {@link EndpointSpec#VOCABULARY}): a {@code ...Servers} name never holds a VIP, a {@code ...Vip}
 * name holds VIPs only ({@code ...HlbVip}: of pools with {@code loadBalancing: hlb}), and a pool
 * name such as {@code frontEndWeb} or {@code directorSip} is where the pool is reached for that
 * traffic: its VIP when the load balancer carries it, else its servers. A VIP never opens a
 * connection; the servers do.
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

    /** Pseudo-interface of a host firewall: the address it guards. */
    public static final String HOST_SIDE = io.lyncaudit.policy.Hook.HOST;
    /** Pseudo-interface of a host firewall: every address but the guarded one. */
    public static final String NETWORK_SIDE = "network";

    /**
     * What lies behind each interface of a firewall; nested networks go to the interface that names
     * them. A host firewall has the two pseudo-interfaces {@value #HOST_SIDE} and {@value #NETWORK_SIDE}.
     */
    public Map<String, IntervalSet> interfaces(FirewallSpec fw) {
        if (fw.host() != null) {
            Map<String, IntervalSet> out = new LinkedHashMap<>();
            out.put(HOST_SIDE, fw.host().set());
            out.put(NETWORK_SIDE, Addresses.ALL.subtract(fw.host().set()));
            return out;
        }
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

    /** A way through a firewall: in at one interface, out at another, with what lies behind each. */
    public record Crossing(String in, IntervalSet inside, String out, IntervalSet outside) {
    }

    /** Every ordered pair of distinct interfaces of the firewall: the ways traffic can cross it. */
    public List<Crossing> crossings(FirewallSpec fw) {
        Map<String, IntervalSet> sides = interfaces(fw);
        List<Crossing> out = new ArrayList<>();
        for (Map.Entry<String, IntervalSet> a : sides.entrySet()) {
            for (Map.Entry<String, IntervalSet> b : sides.entrySet()) {
                if (!a.getKey().equals(b.getKey())) out.add(new Crossing(a.getKey(), a.getValue(), b.getKey(), b.getValue()));
            }
        }
        return out;
    }

    /** The addresses a catalog endpoint must be allowed to reach or come from, as this firewall sees them (as a source). */
    public IntervalSet required(EndpointSpec e, FirewallSpec fw) {
        return required(e, fw, false);
    }

    /**
     * The addresses a catalog endpoint must be allowed to reach or come from, as the traffic carries
     * them where it meets this firewall: on a firewall that translates the Edge public addresses
     * itself ({@code edgeAddresses: nat}) an Edge is reached at its public address and speaks from
     * its private one.
     */
    public IntervalSet required(EndpointSpec e, FirewallSpec fw, boolean destination) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String role : e.required()) s = s.union(role(role, fw, destination));
        return s;
    }

    /**
     * The broadest set the docs allow for the endpoint: the whole side for "Any (can be defined as ...)",
     * the VIP and every Edge Server for an Edge pool such as {@code edgeInternalPool(edgeInternalVip)}.
     */
    public IntervalSet justified(EndpointSpec e, FirewallSpec fw) {
        return justified(e, fw, false);
    }

    /**
     * As {@link #justified(EndpointSpec, FirewallSpec)} for a source or a destination. A firewall that
     * translates the Edge addresses itself may also let traffic through to their private addresses:
     * both are the same server.
     */
    public IntervalSet justified(EndpointSpec e, FirewallSpec fw, boolean destination) {
        IntervalSet r = required(e, fw, destination);
        if (destination && fw != null && fw.translatesEdgeAddresses()) r = r.union(required(e, fw, false));
        for (String outer : e.justified()) {
            r = r.union(role(outer, fw, destination));
            if (destination && fw != null && fw.translatesEdgeAddresses()) r = r.union(role(outer, fw, false));
        }
        return r;
    }

    /** Names that stand for a whole side or a partner network (rendered as "any" when that is the internet). */
    private static final List<String> WHOLE_SIDES = List.of("internet", "internal", "federationPartners", "publicImPartners",
            "sipPartners", "xmppPartners", "any");

    /** True when the endpoint means every address of a side or of the internet (rendered as "any"). */
    public static boolean isWholeSide(EndpointSpec e) {
        return e.justified().isEmpty() && e.required().size() == 1 && WHOLE_SIDES.contains(e.required().get(0));
    }

    /**
     * How a flow endpoint reads in reports: "any" for the internet (and partner lists left at their
     * default), the declared networks for the internal side, else the addresses themselves.
     */
    public String label(EndpointSpec e, IntervalSet addresses) {
        if (isWholeSide(e)) {
            String n = e.required().get(0);
            if (n.equals("internal")) {
                IntervalSet s = IntervalSet.EMPTY;
                for (String side : d.sideNetworks()) {
                    if (!side.equals("perimeter") && !side.equals("internet")) s = s.union(d.network(side));
                }
                return Addresses.format(s);
            }
            if (n.equals("internet") || n.equals("any")) return "any";
            IntervalSet s = role(n, null, false);
            return s.equals(side("internet")) ? "any" : Addresses.format(s);
        }
        return Addresses.format(addresses);
    }

    /**
     * Whose addresses these are, for listings: "fepool01 VIP", "fepool01 servers", "edge VIP",
     * "Edge Servers", "rp01 internal", joined by ", "; "network" for addresses of no server or VIP.
     * It says whether a flow goes to (or comes from) the servers or the load balancer.
     */
    public String owners(IntervalSet addresses) {
        List<String> out = new ArrayList<>();
        IntervalSet rest = addresses;
        for (Pool p : d.pools()) {
            if (p.vip() != null && addresses.intersects(p.vip().set())) {
                out.add(p.name() + " VIP");
                rest = rest.subtract(p.vip().set());
            }
            IntervalSet servers = IntervalSet.EMPTY;
            for (Address a : p.servers()) servers = servers.union(a.set());
            if (addresses.intersects(servers)) {
                out.add(p.name() + (p.role() == Role.PSTN_GATEWAY ? " gateways" : " servers"));
                rest = rest.subtract(servers);
            }
            if (p.internal() != null && addresses.intersects(p.internal().set())) {
                out.add(p.name() + " internal interface");
                rest = rest.subtract(p.internal().set());
            }
            if (p.external() != null && addresses.intersects(both(p.external()))) {
                out.add(p.name() + " external interface");
                rest = rest.subtract(both(p.external()));
            }
        }
        EdgeServer v = d.edge().vips();
        if (v != null) {
            IntervalSet vips = v.internal().set();
            for (EdgeInterface i : List.of(v.accessEdge(), v.webConferencingEdge(), v.avEdge())) vips = vips.union(both(i));
            if (addresses.intersects(vips)) {
                out.add("Edge VIP");
                rest = rest.subtract(vips);
            }
        }
        IntervalSet edge = IntervalSet.EMPTY;
        for (EdgeServer e : d.edge().servers()) {
            edge = edge.union(e.internal().set());
            for (EdgeInterface i : List.of(e.accessEdge(), e.webConferencingEdge(), e.avEdge())) edge = edge.union(both(i));
        }
        if (addresses.intersects(edge)) {
            out.add("Edge Servers");
            rest = rest.subtract(edge);
        }
        if (!rest.isEmpty()) out.add("network");
        return String.join(", ", out);
    }

    /** The addresses of one endpoint name (see EndpointSpec#VOCABULARY for what each means). */
    private IntervalSet role(String role, FirewallSpec fw, boolean destination) {
        boolean pub = fw != null && (fw.seesPublicEdgeAddresses() || fw.translatesEdgeAddresses() && destination);
        boolean host = fw != null && fw.host() != null;
        IntervalSet s = IntervalSet.EMPTY;
        switch (role) {
            case "internet", "internal" -> s = side(role);
            case "federationPartners", "publicImPartners", "xmppPartners" ->
                    s = d.networks().containsKey(role) ? d.network(role) : side("internet");
            case "sipPartners" -> {
                // "federated and public IM connectivity using SIP": the partners of the features that are on
                boolean fed = d.feature("federation"), pim = d.feature("publicIm");
                if (fed || !pim) s = s.union(role("federationPartners", fw, destination));
                if (pim || !fed) s = s.union(role("publicImPartners", fw, destination));
            }
            case "clients" -> s = d.networks().containsKey("clients") ? d.network("clients") : side("internal");
            case "any" -> s = Addresses.ALL;
            case "accessEdge", "webConferencingEdge", "avEdge" -> {
                for (EdgeServer e : d.edge().servers()) s = s.union(edgeInterface(e, role, pub));
            }
            case "edgeInternal" -> {
                for (EdgeServer e : d.edge().servers()) s = s.union(e.internal().set());
            }
            case "accessEdgeVip", "webConferencingEdgeVip", "avEdgeVip" -> {
                // scaled-hlb only; the VIPs are public addresses there, but honour edgeAddresses like the servers
                EdgeServer v = d.edge().vips();
                if (v != null) s = edgeInterface(v, role.substring(0, role.length() - 3), pub);
            }
            case "edgeInternalVip" -> {
                if (d.edge().vips() != null) s = d.edge().vips().internal().set();
            }
            case "accessEdgePool" -> s = role("accessEdge", fw, destination).union(role("accessEdgeVip", fw, destination));
            case "edgeInternalPool" -> s = role("edgeInternal", fw, destination).union(role("edgeInternalVip", fw, destination));
            // servers of the internal pools: never a VIP
            case "frontEndServers", "conferencingAttendant", "applicationSharing" -> s = servers(Role.FRONT_END);
            case "frontEndServersNoVip" -> s = serversNoVip(Role.FRONT_END, host);
            case "directorServers" -> s = servers(Role.DIRECTOR);
            case "directorServersNoVip" -> s = serversNoVip(Role.DIRECTOR, host);
            case "mediationServers" -> {
                s = servers(Role.MEDIATION);
                for (Pool p : d.pools(Role.FRONT_END)) if (p.collocatedMediation()) s = s.union(servers(p));
            }
            case "persistentChatServers" -> s = servers(Role.PERSISTENT_CHAT);
            case "sbaServers" -> s = servers(Role.SBA);
            case "lyncServers" -> {
                for (Role r : LYNC_SERVER_ROLES) s = s.union(servers(r));
            }
            case "cmsServers" -> {
                for (Pool p : d.pools()) if (p.centralManagementStore()) s = s.union(servers(p));
                if (s.isEmpty()) s = servers(Role.FRONT_END);
            }
            case "officeWebAppsServers" -> s = servers(Role.OFFICE_WEB_APPS);
            case "officeWebAppsServersNoVip" -> s = serversNoVip(Role.OFFICE_WEB_APPS, host);
            case "pstnGateway" -> {
                for (Pool p : d.pools(Role.PSTN_GATEWAY)) s = s.union(poolAddresses(p));
            }
            case "exchangeUm" -> s = servers(Role.EXCHANGE_UM);
            case "reverseProxyInternal" -> {
                for (Pool p : d.pools(Role.REVERSE_PROXY)) s = s.union(p.internal() != null ? p.internal().set() : servers(p));
            }
            case "reverseProxyExternal" -> {
                for (Pool p : d.pools(Role.REVERSE_PROXY)) {
                    if (p.external() != null) s = s.union(pub ? p.external().outsideAddress().set() : p.external().address().set());
                }
            }
            // load balancer VIPs of the internal pools
            case "frontEndVip" -> s = vips(Role.FRONT_END, false, false);
            case "frontEndHlbVip" -> s = vips(Role.FRONT_END, true, false);
            case "frontEndWithMediationHlbVip" -> s = vips(Role.FRONT_END, true, true);
            case "directorVip" -> s = vips(Role.DIRECTOR, false, false);
            case "directorHlbVip" -> s = vips(Role.DIRECTOR, true, false);
            case "mediationHlbVip" -> s = vips(Role.MEDIATION, true, false);
            // where a pool is reached
            case "frontEndWeb" -> s = vipOrServers(Role.FRONT_END, false);
            case "directorWeb" -> s = vipOrServers(Role.DIRECTOR, false);
            case "directorSip" -> s = vipOrServers(Role.DIRECTOR, true);
            case "officeWebApps" -> s = vipOrServers(Role.OFFICE_WEB_APPS, false);
            default -> throw new IllegalArgumentException("unknown endpoint " + role);
        }
        return s;
    }

    private static IntervalSet edgeInterface(EdgeServer e, String role, boolean pub) {
        EdgeInterface i = switch (role) {
            case "accessEdge" -> e.accessEdge();
            case "webConferencingEdge" -> e.webConferencingEdge();
            default -> e.avEdge();
        };
        return pub ? i.outsideAddress().set() : i.address().set();
    }

    /** Roles whose servers run Lync Server internally ("All Servers" of the internal-servers table). */
    private static final List<Role> LYNC_SERVER_ROLES = List.of(Role.FRONT_END, Role.DIRECTOR, Role.MEDIATION,
            Role.PERSISTENT_CHAT, Role.SBA);

    /**
     * Each pool's VIP when it has one, else its servers: where clients and the reverse proxy send web
     * traffic. With {@code sipOnly}, only a VIP that carries SIP ({@code loadBalancing: hlb}) counts:
     * a DNS load balanced pool is reached at its servers.
     */
    private IntervalSet vipOrServers(Role r, boolean sipOnly) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) {
            boolean viaVip = p.vip() != null && (!sipOnly || p.hardwareLoadBalancedOnly());
            s = s.union(viaVip ? p.vip().set() : servers(p));
        }
        return s;
    }

    private IntervalSet vips(Role r, boolean hlbOnly, boolean withMediation) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) {
            if (p.vip() == null || (hlbOnly && !p.hardwareLoadBalancedOnly()) || (withMediation && !p.collocatedMediation())) continue;
            s = s.union(p.vip().set());
        }
        return s;
    }

    /** The servers of pools without a VIP; on a host firewall, of every pool (the load balancer's traffic arrives there). */
    private IntervalSet serversNoVip(Role r, boolean hostFirewall) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) if (hostFirewall || p.vip() == null) s = s.union(servers(p));
        return s;
    }

    private IntervalSet servers(Role r) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) s = s.union(servers(p));
        return s;
    }

    private static IntervalSet servers(Pool p) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Address a : p.servers()) s = s.union(a.set());
        return s;
    }
}
