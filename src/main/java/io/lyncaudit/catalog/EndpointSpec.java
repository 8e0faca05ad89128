package io.lyncaudit.catalog;

import java.util.List;
import java.util.Set;

/**
 * One side of a catalog flow. {@code internet} and {@code internal} are whole sides; a role name
 * (accessEdge, edgeInternal, frontEnd ...) is that role's addresses; {@code internal(frontEnd|director)}
 * is a doc row's "Any (can be defined as ...)": required = those roles, justified = the whole side.
 *
 * @param required roles (or a whole side) whose addresses must be allowed
 * @param anySide  the side whose every address is justified ("internal" or "internet"), or null
 */
public record EndpointSpec(List<String> required, String anySide, String text) {

    /** Names a catalog flow may use. */
    public static final Set<String> NAMES = Set.of("internet", "internal", "federationPartners", "publicImPartners",
            "xmppPartners", "accessEdge", "webConferencingEdge", "avEdge", "edgeInternal", "frontEnd", "frontEndServers",
            "director", "cms", "sba",
            // IPsec exceptions (lync-server-2013-ipsec-exceptions.md): "any" is every address, not a side;
            // the roles below are resolved by analysis.Topology#role in a block of the same name
            "any", "mediation", "conferencingAttendant", "exchangeUm", "applicationSharing");

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
        check(t);
        return new EndpointSpec(List.of(t), null, t);
    }

    private static void check(String name) {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown endpoint '" + name + "'; known: " + NAMES);
    }
}
