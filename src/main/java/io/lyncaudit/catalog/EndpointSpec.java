package io.lyncaudit.catalog;

import java.util.List;
import java.util.Set;

/**
 * One side of a catalog flow. {@code internet} and {@code internal} are whole sides; a role name
 * (accessEdge, edgeInternal, frontEnd ...) is that role's addresses; {@code internal(frontEnd|director)}
 * is a doc row's "Any (can be defined as ...)": required = those roles, justified = the whole side
 * (and those roles); {@code frontEnd|mediation} is the addresses of several roles.
 *
 * @param required roles (or a whole side) whose addresses must be allowed
 * @param anySide  the side whose every address is justified ("internal" or "internet"), or null
 */
public record EndpointSpec(List<String> required, String anySide, String text) {

    /** Names a catalog flow may use: the union of the blocks below (a name in two blocks is fine). */
    public static final Set<String> NAMES = names(
            Set.of("internet", "internal", "federationPartners", "publicImPartners",
                    "xmppPartners", "accessEdge", "webConferencingEdge", "avEdge", "edgeInternal", "frontEnd", "frontEndServers",
                    "director", "cms", "sba"),
            // internal servers and clients (ports and protocols for internal servers); see Topology
            Set.of("lyncServers", "clients", "mediation", "frontEndWithMediation", "persistentChat", "officeWebApps",
                    "pstnGateway", "reverseProxy", "frontEndVip", "frontEndHlbVip", "frontEndWithMediationHlbVip",
                    "directorVip", "directorHlbVip", "mediationVip"));

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
            if (!side.equals("internal") && !side.equals("internet")) {
                throw new IllegalArgumentException("'" + side + "(...)' must be internal(...) or internet(...)");
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
