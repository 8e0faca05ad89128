package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.LineLedger.Verdict;

/**
 * The one {@link LineLedger} seen through the configuration tree: a verdict given to a node is
 * given to each of its own lines (the most severe verdict of a line wins, as the ledger says), and
 * {@link #finish} gives every node nobody looked at its verdict, so that no line is left to chance.
 */
final class PanLedger {
    final LineLedger lines;

    PanLedger(LineLedger lines) {
        this.lines = lines;
    }

    String file() {
        return lines.file();
    }

    void used(PanNode n) {
        mark(n, Verdict.USED, null);
    }

    void ignored(PanNode n, String why) {
        mark(n, Verdict.IGNORED, why);
    }

    void unsupported(PanNode n, String why) {
        mark(n, Verdict.UNSUPPORTED, why);
    }

    void unrecognized(PanNode n, String why) {
        mark(n, Verdict.UNRECOGNIZED, why);
    }

    /** The node and everything below it used (a list of members, an address object read whole). */
    void usedTree(PanNode n) {
        markTree(n, Verdict.USED, null);
    }

    /** The node and everything below it ignored, saying why. */
    void ignoredTree(PanNode n, String why) {
        markTree(n, Verdict.IGNORED, why);
    }

    /** The node and everything below it unsupported, saying why. */
    void unsupportedTree(PanNode n, String why) {
        markTree(n, Verdict.UNSUPPORTED, why);
    }

    void markTree(PanNode n, Verdict v, String why) {
        mark(n, v, why);
        for (PanNode c : n.children()) markTree(c, v, why);
    }

    void mark(PanNode n, Verdict v, String why) {
        if (n.verdict == null || v.ordinal() > n.verdict.ordinal()) n.verdict = v;
        for (int line : n.ownLines()) {
            if (v == Verdict.USED) {
                if (lines.verdict(line) != Verdict.USED) lines.used(line); // most lines are used several times: once is enough
            } else {
                lines.mark(line, v, why);
            }
        }
    }

    /**
     * Gives every node of the tree that has no verdict yet one: a node with children (an element
     * that only holds others, such as {@code <rules>}) is used when something below it is, and
     * ignored otherwise; a leaf nobody read is unrecognized. Call once, after the conversion.
     */
    void finish(PanNode root) {
        settle(root);
    }

    /** Settles the subtree and returns true when something in it is used. */
    private boolean settle(PanNode n) {
        boolean used = n.verdict == Verdict.USED;
        for (PanNode c : n.children()) used |= settle(c);
        if (n.verdict == null) {
            if (!n.children().isEmpty()) {
                if (used) used(n);
                else ignored(n, where(n) + " holds nothing that decides which traffic passes");
            } else if (n.text().isEmpty() && n.entry == null) {
                ignored(n, "an empty " + n.name + ": holds nothing");
            } else {
                unrecognized(n, "'" + n.name + (n.entry != null ? " " + n.entry : "") + "' is not understood in "
                        + (n.parent != null && !where(n.parent).isEmpty() ? where(n.parent) : "the configuration"));
            }
        }
        return used;
    }

    /** A node's place for messages: {@code rulebase security rules 'web'}. */
    static String where(PanNode n) {
        StringBuilder s = new StringBuilder();
        int depth = 0;
        for (PanNode p = n; p != null && !p.name.equals("config") && !p.name.startsWith("#") && depth < 4; p = p.parent, depth++) {
            String part = p.entry != null ? "'" + p.entry + "'" : p.name;
            if (p.entry != null && p.name.equals("entry") && p.parent != null) {
                part = p.parent.name + " '" + p.entry + "'";
                p = p.parent;
            }
            s.insert(0, s.length() == 0 ? part : part + " ");
        }
        return s.toString();
    }
}
