package io.lyncaudit.importer.sheet;

import io.lyncaudit.policy.Action;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Readers for the simple cells of a rule row: blank words, actions, enabled flags, zones. */
final class Cells {
    private Cells() {}

    /** What people write for "nothing here": read as a blank cell, whatever the column. */
    private static final Set<String> BLANK = Set.of("", "-", "--", "\u2013", "\u2014", "null", "nil", "n/a", "na", "n.a.", "(blank)",
            "(empty)", "none given");

    private static final Set<String> PERMIT = Set.of("permit", "permitted", "allow", "allowed", "accept", "accepted", "pass", "trust",
            "yes", "y", "true");
    private static final Set<String> DENY = Set.of("deny", "denied", "drop", "dropped", "block", "blocked", "reject", "rejected",
            "discard", "refuse", "blockwithreset", "blockreset", "resetclient", "resetserver", "resetboth", "no", "n", "false");
    private static final Set<String> DISABLED = Set.of("false", "no", "n", "0", "disabled", "disable", "inactive", "off");
    private static final Set<String> ENABLED = Set.of("true", "yes", "y", "1", "enabled", "enable", "active", "on");

    /** True for a blank cell and for "null", "N/A", "-" and the like. */
    static boolean blank(String cell) {
        return cell.isEmpty() || cell.length() <= 10 && BLANK.contains(cell.toLowerCase(Locale.ROOT));
    }

    /** The action a cell names; throws for a blank or unknown one (the row's meaning is then not known). */
    static Action action(String cell) {
        if (blank(cell)) throw new CellException("the action is empty (write permit or deny)");
        String v = Excerpt.visible(cell, true).equals(cell) ? letters(cell) : "";
        if (PERMIT.contains(v)) return Action.PERMIT;
        if (DENY.contains(v)) return Action.DENY;
        throw new CellException(Excerpt.quote(cell) + " is not an action (permit, allow, accept, pass, yes; deny, drop, block, reject, no)");
    }

    /**
     * True for an enabled or blank cell, false for a disabled one; throws for anything else.
     *
     * @param disabledColumn the column says whether the rule is off ("Disabled: yes"), not on
     */
    static boolean enabled(String cell, boolean disabledColumn) {
        if (blank(cell)) return true;
        String v = cell.toLowerCase(Locale.ROOT);
        if (ENABLED.contains(v)) return !disabledColumn;
        if (DISABLED.contains(v)) return disabledColumn;
        throw new CellException(Excerpt.quote(cell) + " is not an enabled/disabled value (yes/no, true/false, enabled/disabled, on/off)");
    }

    /** Zone or interface names; blank or "any" means no restriction (the empty set). */
    static Set<String> zones(String cell) {
        Set<String> out = new TreeSet<>();
        if (blank(cell)) return out;
        for (String t : CellText.listTokens(cell)) {
            if (ServiceParser.isAny(t.toLowerCase(Locale.ROOT))) return Set.of();
            out.add(Excerpt.visible(t, true));
        }
        return out;
    }

    /** Lower case letters before any parenthesis: "Block with reset" is "blockwithreset", "Allow (log)" is "allow". */
    private static String letters(String cell) {
        StringBuilder b = new StringBuilder(Math.min(cell.length(), 32));
        int paren = cell.indexOf('(');
        String lower = (paren > 0 ? cell.substring(0, paren) : cell).toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length() && b.length() < 32; i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') b.append(c);
        }
        return b.toString();
    }
}
