package io.lyncaudit.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One side of a catalog flow, as a rule's {@code @flow} writes it.
 *
 * <ul>
 *   <li>{@code frontEndServers}: the addresses of one endpoint (see {@link #VOCABULARY} for every name);</li>
 *   <li>{@code clients|frontEndServers}: the addresses of several;</li>
 *   <li>{@code internal(frontEndServers)}: a doc row's "Any (can be defined as ...)": the names inside
 *       are <em>required</em>, the outer name (here the whole internal side) is <em>justified</em> too;</li>
 *   <li>{@code internal+edgeInternal(frontEndServers)}: several outer names, all justified;</li>
 *   <li>{@code frontEndServers(frontEndServersNoVip)}: an outer name that contains the inner one, for
 *       "these are required, those are allowed";</li>
 *   <li>{@code internal()}: nothing required, the outer name justified: for a port the docs list as
 *       open whose traffic never crosses a firewall (the SQL Browser of a server's local replica).</li>
 * </ul>
 *
 * <p>Servers and load balancers are different endpoints. A {@link Kind#SERVERS} name never holds a
 * VIP, a {@link Kind#VIP} name holds nothing but VIPs, and a {@link Kind#POOL} name is the address a
 * pool is reached at (its VIP when it has one, else its servers). Which kinds a rule may use is
 * derived from the table it cites (CatalogEndpointsTest).
 *
 * @param required  names whose addresses must be allowed (empty: nothing is required, see {@link #justifiesOnly})
 * @param justified outer names whose every address may be allowed as well (empty for none)
 */
public record EndpointSpec(List<String> required, List<String> justified, String text) {

    public EndpointSpec {
        required = List.copyOf(required);
        justified = List.copyOf(justified);
    }

    /** What the addresses of an endpoint name are. */
    public enum Kind {
        /** a whole side or network (the internet, the internal side, the clients, partner networks) */
        NETWORK,
        /** hosts: servers, gateways, Edge Server interfaces, the reverse proxy's interfaces; never a VIP */
        SERVERS,
        /** hardware load balancer VIPs only */
        VIP,
        /** where a pool is reached: its VIP when it has one (for the traffic named), else its servers */
        POOL,
        /** a VIP and the servers behind it together (only as an outer, justified name) */
        VIP_AND_SERVERS
    }

    /** An endpoint name, what it resolves to (analysis.Topology), and its kind. */
    public record Name(String name, Kind kind, String meaning) {
    }

    /**
     * Every name a catalog flow may use, with its meaning. Pools are declared in the deployment file
     * with a role, servers and an optional {@code vip} and {@code loadBalancing} ({@code hlb}: every
     * port of the internal-servers table 2 goes through the VIP; {@code dns}: only the web ports of
     * table 3 do, SIP is balanced by DNS over the servers).
     */
    public static final Map<String, Name> VOCABULARY = vocabulary(
            // whole sides and networks
            n("internet", Kind.NETWORK, "every address outside the deployment's networks"),
            n("internal", Kind.NETWORK, "every internal network (not the perimeter)"),
            n("clients", Kind.NETWORK, "the clients network, or the whole internal side when none is declared"),
            n("federationPartners", Kind.NETWORK, "the federationPartners network, else the internet"),
            n("publicImPartners", Kind.NETWORK, "the publicImPartners network, else the internet"),
            n("sipPartners", Kind.NETWORK, "SIP partners of the features that are on: federationPartners with federation, "
                    + "publicImPartners with publicIm (both: their union)"),
            n("xmppPartners", Kind.NETWORK, "the xmppPartners network, else the internet"),
            n("any", Kind.NETWORK, "every IPv4 and IPv6 address (IPsec exceptions)"),
            // Edge Servers and their load balancer (scaled-hlb)
            n("accessEdge", Kind.SERVERS, "the Access Edge address of every Edge Server, private or public as the firewall sees it"),
            n("webConferencingEdge", Kind.SERVERS, "the Web Conferencing Edge address of every Edge Server"),
            n("avEdge", Kind.SERVERS, "the A/V Edge address of every Edge Server"),
            n("edgeInternal", Kind.SERVERS, "the internal interface of every Edge Server"),
            n("accessEdgeVip", Kind.VIP, "the Access Edge VIP of the Edge pool's hardware load balancer"),
            n("webConferencingEdgeVip", Kind.VIP, "the Web Conferencing Edge VIP of the Edge pool's load balancer"),
            n("avEdgeVip", Kind.VIP, "the A/V Edge VIP of the Edge pool's load balancer"),
            n("edgeInternalVip", Kind.VIP, "the internal VIP of the Edge pool's load balancer"),
            n("accessEdgePool", Kind.VIP_AND_SERVERS, "the Access Edge VIP and every Edge Server's Access Edge address"),
            n("edgeInternalPool", Kind.VIP_AND_SERVERS, "the internal VIP and every Edge Server's internal interface"),
            // servers of the internal pools: never a VIP
            n("frontEndServers", Kind.SERVERS, "every Front End Server (Standard Edition servers included)"),
            n("frontEndServersNoVip", Kind.SERVERS, "the Front End Servers that take web traffic themselves: those of pools "
                    + "without a VIP; on a host firewall, every Front End Server (what the load balancer forwards arrives there)"),
            n("directorServers", Kind.SERVERS, "every Director server"),
            n("directorServersNoVip", Kind.SERVERS, "the Director servers of pools without a VIP; on a host firewall, every Director server"),
            n("mediationServers", Kind.SERVERS, "every Mediation Server: the mediation pools' servers and the Front End "
                    + "Servers of pools with collocatedMediation"),
            n("persistentChatServers", Kind.SERVERS, "every Persistent Chat Front End Server"),
            n("sbaServers", Kind.SERVERS, "every Survivable Branch Appliance or Server"),
            n("lyncServers", Kind.SERVERS, "the servers of every Front End, Director, Mediation, Persistent Chat and SBA pool "
                    + "(not Office Web Apps, SQL, gateways, Edge or reverse proxy)"),
            n("cmsServers", Kind.SERVERS, "the servers of the pool with centralManagementStore (else of the Front End pools)"),
            n("officeWebAppsServers", Kind.SERVERS, "every Office Web Apps server"),
            n("officeWebAppsServersNoVip", Kind.SERVERS, "the Office Web Apps servers of farms without a VIP; on a host firewall, every one"),
            n("pstnGateway", Kind.SERVERS, "the addresses of the pstn-gateway pools (PSTN, E9-1-1 and RCC gateways)"),
            n("reverseProxyInternal", Kind.SERVERS, "the reverse proxy's internal interface, else its servers"),
            n("reverseProxyExternal", Kind.SERVERS, "the reverse proxy's external interface as the firewall sees it"),
            // load balancer VIPs of the internal pools: never servers
            n("frontEndVip", Kind.VIP, "the VIP of every Front End pool that has one (hlb or dns: with DNS load balancing "
                    + "the VIP carries the web ports only)"),
            n("frontEndHlbVip", Kind.VIP, "the VIPs of Front End pools with loadBalancing: hlb (every port of table 2)"),
            n("frontEndWithMediationHlbVip", Kind.VIP, "the VIPs of hlb Front End pools with collocatedMediation"),
            n("directorVip", Kind.VIP, "the VIP of every Director pool that has one"),
            n("directorHlbVip", Kind.VIP, "the VIPs of Director pools with loadBalancing: hlb"),
            n("mediationHlbVip", Kind.VIP, "the VIPs of Mediation pools with loadBalancing: hlb"),
            // where a pool is reached: VIP when there is one, else the servers
            n("frontEndWeb", Kind.POOL, "each Front End pool's web services: its VIP when it has one, else its servers"),
            n("directorWeb", Kind.POOL, "each Director pool's web services: its VIP when it has one, else its servers"),
            n("directorSip", Kind.POOL, "where SIP reaches each Director pool: the VIP of an hlb pool, the servers of a dns "
                    + "pool or of a pool without a VIP"),
            n("officeWebApps", Kind.POOL, "each Office Web Apps farm: its VIP when it has one, else its servers"),
            // IPsec exceptions: host addresses, resolved by analysis.Topology#role
            n("conferencingAttendant", Kind.SERVERS, "the Front End Servers (Conferencing Attendant runs on them)"),
            n("applicationSharing", Kind.SERVERS, "the Front End Servers (application sharing runs on them)"),
            n("exchangeUm", Kind.SERVERS, "the servers of the exchange-um pools"));

    /** Every name a catalog flow may use. */
    public static final Set<String> NAMES = Collections.unmodifiableSet(VOCABULARY.keySet());

    /** True when nothing of this endpoint is required, only justified ({@code internal()}). */
    public boolean justifiesOnly() {
        return required.isEmpty();
    }

    private static Name n(String name, Kind kind, String meaning) {
        return new Name(name, kind, meaning);
    }

    private static Map<String, Name> vocabulary(Name... names) {
        Map<String, Name> m = new LinkedHashMap<>();
        for (Name n : names) {
            if (m.put(n.name(), n) != null) throw new IllegalStateException("endpoint name declared twice: " + n.name());
        }
        return Collections.unmodifiableMap(m);
    }

    /** The kind of a known name. */
    public static Kind kind(String name) {
        Name n = VOCABULARY.get(name);
        if (n == null) throw new IllegalArgumentException("unknown endpoint '" + name + "'");
        return n.kind();
    }

    public static EndpointSpec parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open > 0) {
            if (!t.endsWith(")")) throw new IllegalArgumentException("unbalanced '(' in endpoint '" + text + "'");
            List<String> outer = List.of(t.substring(0, open).split("\\+"));
            for (String o : outer) check(o);
            String inner = t.substring(open + 1, t.length() - 1);
            return new EndpointSpec(inner.isEmpty() ? List.of() : names(inner), outer, t);
        }
        // a|b: the addresses of several names, none wider justified
        return new EndpointSpec(names(t), List.of(), t);
    }

    private static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        for (String r : text.split("\\|")) {
            check(r);
            out.add(r);
        }
        return out;
    }

    private static void check(String name) {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown endpoint '" + name + "'; known: " + NAMES);
    }
}
