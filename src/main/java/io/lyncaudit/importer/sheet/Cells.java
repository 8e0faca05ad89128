package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Readers for the simple cells of a rule row: addresses, protocols, actions, enabled flags, zones. */
final class Cells {
    private Cells() {}

    private static final Set<String> PERMIT = Set.of("permit", "permitted", "allow", "allowed", "accept", "accepted", "pass",
            "yes", "y", "true");
    private static final Set<String> DENY = Set.of("deny", "denied", "drop", "dropped", "block", "blocked", "reject",
            "rejected", "no", "n", "false");
    private static final Set<String> DISABLED = Set.of("false", "no", "n", "0", "disabled", "disable", "inactive", "off");
    private static final Set<String> ENABLED = Set.of("true", "yes", "y", "1", "enabled", "enable", "active", "on");

    /** The union of every address, CIDR block, range or "any" in the cell. */
    static IntervalSet addresses(String cell, String what) {
        if (cell.isBlank()) {
            throw new CellException(what + " is empty (write 'any' for every address)");
        }
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : CellText.listTokens(cell)) {
            s = s.union(Addresses.parse(t));
        }
        return s;
    }

    /** The protocols of a protocol cell, or null when the cell is blank. */
    static IntervalSet protocols(String cell) {
        if (cell.isBlank()) return null;
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : CellText.protocolTokens(cell)) {
            if (ServiceParser.isAny(t)) {
                s = s.union(Protocols.ALL);
                continue;
            }
            int p = Protocols.number(t);
            if (p < 0) throw new CellException("unknown protocol '" + t + "'");
            s = s.union(IntervalSet.point(p));
        }
        return s;
    }

    static Action action(String cell) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        if (PERMIT.contains(v)) return Action.PERMIT;
        if (DENY.contains(v)) return Action.DENY;
        if (v.isEmpty()) throw new CellException("action is empty (write permit or deny)");
        throw new CellException("'" + cell.strip() + "' is not an action (permit, allow, accept, pass, yes; deny, drop, block, reject, no)");
    }

    /** False for a disabled row; true for an enabled or blank one. */
    static boolean enabled(String cell) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || ENABLED.contains(v)) return true;
        if (DISABLED.contains(v)) return false;
        throw new CellException("'" + cell.strip() + "' is not an enabled/disabled value (yes/no, true/false, enabled/disabled, on/off)");
    }

    /** Source ports: blank means any. */
    static IntervalSet ports(String cell) {
        if (cell.isBlank()) return Ports.ALL;
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : CellText.serviceTokens(cell)) {
            s = s.union(ServiceParser.isAny(t.toLowerCase(Locale.ROOT)) ? Ports.ALL : Ports.parseRange(t));
        }
        return s;
    }

    /** Zone or interface names; blank or "any" means no restriction (the empty set). */
    static Set<String> zones(String cell) {
        Set<String> out = new TreeSet<>();
        for (String t : CellText.listTokens(cell)) {
            if (ServiceParser.isAny(t.toLowerCase(Locale.ROOT))) return Set.of();
            out.add(t);
        }
        return out;
    }
}
