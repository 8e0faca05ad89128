package io.lyncaudit.catalog;

import java.util.List;
import java.util.Set;

/**
 * One side of a catalog flow. {@code internet} and {@code internal} are whole sides; a role name
 * (accessEdge, edgeInternal, frontEnd ...) is that role's addresses; {@code internal(frontEnd|director)}
 * is a doc row's "Any (can be defined as ...)": required = those roles, justified = the whole side
 * (and those roles); {@code frontEnd|mediation} is the addresses of several roles.
 * The outer name may also be a role that contains the inner ones, e.g.
 * {@code edgeInternalPool(edgeInternalVip)}: required = the hardware load balancer VIP, justified =
 * the VIP and every Edge Server behind it.
 *
 * @param required roles (or a whole side) whose addresses must be allowed
 * @param anySide  the endpoint whose every address is justified (a side such as "internal" or
 *                 "internet", or a broader role such as "accessEdgePool"), or null
 */
public record EndpointSpec(List<String> required, String anySide, String text) {

    /**
     * Names a catalog flow may use: the union of the blocks below (a name in two blocks is fine).
     * The {@code *Vip} names are hardware load balancer VIPs; the {@code *Pool} names are the VIP
     * and every Edge Server together.
     */
    public static final Set<String> NAMES = names(
            Set.of("internet", "internal", "federationPartners", "publicImPartners",
                    "xmppPartners", "accessEdge", "webConferencingEdge", "avEdge", "edgeInternal", "frontEnd", "frontEndServers",
                    "director", "cms", "sba"),
            // scaled-hlb Edge pools
            Set.of("accessEdgeVip", "webConferencingEdgeVip", "avEdgeVip", "edgeInternalVip", "accessEdgePool", "edgeInternalPool"),
            // Directors, reverse proxy, HLB web services: VIP-or-servers per pool, the reverse proxy's
            // two interfaces, Office Web Apps, and the clients network
            Set.of("clients", "directorVip", "directorServers", "frontEndVip", "frontEndHlbVip", "reverseProxyInternal",
                    "reverseProxyExternal", "officeWebApps"),
            // internal servers and clients (ports and protocols for internal servers); see Topology
            Set.of("lyncServers", "clients", "mediation", "frontEndWithMediation", "persistentChat", "officeWebAppsServers",
                    "pstnGateway", "reverseProxy", "frontEndPoolVips", "frontEndHlbOnlyVip", "frontEndWithMediationHlbVip",
                    "directorPoolVips", "directorHlbVip", "mediationVip"),
            // IPsec exceptions (lync-server-2013-ipsec-exceptions.md): "any" is every address, not a side;
            // the roles below are resolved by analysis.Topology#role in a block of the same name
            Set.of("any", "mediationServers", "conferencingAttendant", "exchangeUm", "applicationSharing"));

    /** Names that may hold others in parentheses: the two sides and the Edge pools (VIP and servers). */
    public static final List<String> OUTER = List.of("internal", "internet", "accessEdgePool", "edgeInternalPool");

    @SafeVarargs
    private static Set<String> names(Set<String>... blocks) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Set<String> b : blocks) all.addAll(b);
        return Set.copyOf(all);
    }

    public static EndpointSpec parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open > 0) {
            if (!t.endsWith(")")) throw new IllegalArgumentException("unbalanced '(' in endpoint '" + text + "'");
            String side = t.substring(0, open);
            if (!OUTER.contains(side)) {
                throw new IllegalArgumentException("'" + side + "(...)' must be one of " + OUTER + "(...)");
            }
            List<String> roles = List.of(t.substring(open + 1, t.length() - 1).split("\\|"));
            for (String r : roles) check(r);
            return new EndpointSpec(roles, side, t);
        }
        // a|b: the addresses of several roles, none wider justified
        List<String> roles = List.of(t.split("\\|"));
        for (String r : roles) check(r);
        return new EndpointSpec(roles, null, t);
    }

    private static void check(String name) {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown endpoint '" + name + "'; known: " + NAMES);
    }
}
