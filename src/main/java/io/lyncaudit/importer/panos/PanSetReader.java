package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.LineLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the {@code set} form of a PAN-OS configuration ({@code set cli config-output-format set},
 * then {@code show config running}, or a script of set commands) into the same {@link PanNode}
 * tree the XML gives: {@code set address web ip-netmask 10.0.0.5} becomes
 * {@code vsys/entry[vsys1]/address/entry[web]/ip-netmask}. A line without a scope is of the
 * firewall's only virtual system, as a single-vsys firewall prints it; {@code set vsys V},
 * {@code set shared} and {@code set device-group G} name theirs.
 *
 * <p>Each line is recorded on the leaves it gives a value, so that its verdict is theirs. Setting a
 * value again adds to it (PAN-OS adds members to a list; for a single value the conversion reads
 * the last one). {@code delete} removes what it names, and the lines of what it removed are
 * ignored, saying so. The CLI's own lines around the output (the prompt, {@code configure},
 * {@code set cli ...}) are ignored; any other line is unrecognized.
 */
final class PanSetReader {
    /** Longer lines are not read: the longest set line of a real configuration is a few KiB. */
    static final int MAX_LINE = 64 * 1024;

    /** The device entry that single-vsys set lines belong to, as the XML names it. */
    static final String DEVICE = "localhost.localdomain";
    static final String DEFAULT_VSYS = "vsys1";

    private static final Pattern PROMPT = Pattern.compile("^[\\w.@()-]+@[\\w.()-]+(\\(active[^)]*\\)|\\(passive[^)]*\\))?[>#].*");
    private static final Pattern SESSION = Pattern.compile("^(configure|exit|quit|commit( .*)?|\\[edit.*\\]|Entering configuration mode"
            + "|show( .*)?|Number of .*|Last login.*|Exiting configuration mode|=~=~=.*PuTTY log.*)$");

    private final PanLedger ledger;
    private final PanNode root = new PanNode("#document", null, null);
    private final PanNode config = root.add("config", null);

    private PanSetReader(List<String> lines, PanLedger ledger) {
        this.ledger = ledger;
    }

    /** Reads the lines into a tree whose root holds one {@code config} element, as the XML's does. */
    static PanNode read(List<String> lines, PanLedger ledger) {
        PanSetReader r = new PanSetReader(lines, ledger);
        for (int i = 0; i < lines.size(); i++) r.line(i + 1, lines.get(i));
        return r.root;
    }

    /** True when the line is a set or delete command of PAN-OS's configuration form. */
    static boolean isCommand(String stripped) {
        return stripped.startsWith("set ") || stripped.startsWith("delete ");
    }

    private void line(int no, String raw) {
        LineLedger l = ledger.lines;
        if (LineLedger.blank(raw)) return;
        if (l.unreadable(no, raw, MAX_LINE)) return;
        String s = raw.strip();
        if (s.startsWith("#")) {
            l.comment(no);
            return;
        }
        if (s.startsWith("set cli ") || s.equals("set cli")) {
            l.ignored(no, "a CLI session setting (how the output is printed): not configuration");
            return;
        }
        if (PROMPT.matcher(s).matches() || SESSION.matcher(s).matches()) {
            l.ignored(no, "the CLI session around the output (prompt, mode change or command): not configuration");
            return;
        }
        boolean delete = s.startsWith("delete ");
        if (!s.startsWith("set ") && !delete) {
            l.unrecognized(no, "not a PAN-OS set command");
            return;
        }
        List<String> words;
        try {
            words = words(s.substring(delete ? 7 : 4));
        } catch (IllegalArgumentException e) {
            l.unrecognized(no, e.getMessage());
            return;
        }
        if (words.isEmpty()) {
            l.unrecognized(no, "a set command that names nothing");
            return;
        }
        Start start = start(words, no);
        if (start == null) return;
        if (delete) delete(no, start.node, words, start.at);
        else set(no, start.node, words, start.at);
    }

    /** Where a line's path begins: a scope or the device's network, and the first word below it. */
    private record Start(PanNode node, int at) {}

    private Start start(List<String> w, int no) {
        String first = w.get(0);
        switch (first) {
            case "shared" -> {
                return below(() -> config.child("shared") != null ? config.child("shared") : config.add("shared", null), w, 1, no);
            }
            case "vsys", "device-group" -> {
                if (w.size() < 2) {
                    ledger.lines.unrecognized(no, "'" + first + "' without a name");
                    return null;
                }
                return below(() -> list(device(), first, w.get(1)), w, 2, no);
            }
            case "network" -> {
                if (w.size() > 1) {
                    PanSchema.Skip skip = PanSchema.skip(PanSchema.Ctx.NETWORK, w.get(1));
                    if (skip != null) {
                        ledger.lines.mark(no, skip.verdict(), skip.why());
                        return null;
                    }
                }
                PanNode d = device();
                PanNode n = d.child("network") != null ? d.child("network") : d.add("network", null);
                return new Start(n, 1);
            }
            case "deviceconfig", "template", "template-stack" -> {
                PanSchema.Skip skip = PanSchema.skip(PanSchema.Ctx.DEVICE, first);
                ledger.lines.mark(no, skip.verdict(), skip.why());
                return null;
            }
            case "mgt-config" -> {
                PanSchema.Skip skip = PanSchema.skip(PanSchema.Ctx.CONFIG, first);
                ledger.lines.mark(no, skip.verdict(), skip.why());
                return null;
            }
            default -> {
                // a single-vsys firewall prints its vsys's objects and rules without a scope
                return below(() -> list(device(), "vsys", DEFAULT_VSYS), w, 0, no);
            }
        }
    }

    /** The path from a scope: what the scope does not read is accounted for here; null when the line ends its use. */
    private Start below(java.util.function.Supplier<PanNode> scope, List<String> w, int at, int no) {
        if (at >= w.size()) {
            ledger.lines.ignored(no, "an empty " + w.get(0) + " scope");
            return null;
        }
        PanSchema.Skip skip = PanSchema.skip(PanSchema.Ctx.SCOPE, w.get(at));
        if (skip == null && at + 1 < w.size() && PanSchema.child(PanSchema.Ctx.SCOPE, w.get(at)) == PanSchema.Ctx.RULEBASE) {
            skip = PanSchema.skip(PanSchema.Ctx.RULEBASE, w.get(at + 1));
        }
        if (skip != null) {
            ledger.lines.mark(no, skip.verdict(), skip.why());
            return null;
        }
        return new Start(scope.get(), at);
    }

    private PanNode device() {
        PanNode devices = config.child("devices") != null ? config.child("devices") : config.add("devices", null);
        PanNode d = devices.entry(DEVICE);
        return d != null ? d : devices.add("entry", DEVICE);
    }

    /** The entry {@code name} of the collection {@code collection} below {@code parent}, made when missing. */
    private static PanNode list(PanNode parent, String collection, String name) {
        PanNode c = parent.child(collection);
        if (c == null) c = parent.add(collection, null);
        PanNode e = c.entry(name);
        return e != null ? e : c.add("entry", name);
    }

    private static PanNode childOf(PanNode parent, String name) {
        PanNode c = parent.child(name);
        return c != null ? c : parent.add(name, null);
    }

    private void set(int no, PanNode node, List<String> w, int i) {
        PanNode at = node;
        boolean recorded = false;
        while (i < w.size()) {
            String word = w.get(i);
            switch (PanSchema.kind(at, word)) {
                case COLLECTION -> {
                    if (i + 1 >= w.size()) {
                        childOf(at, word).line(no); // an empty list, as PAN-OS prints one
                        return;
                    }
                    at = list(at, word, w.get(i + 1));
                    i += 2;
                }
                case CONTAINER -> {
                    at = childOf(at, word);
                    i++;
                }
                case FLAG -> {
                    childOf(at, word).line(no);
                    recorded = true;
                    i++;
                }
                case VALUED -> {
                    PanNode leaf = childOf(at, word);
                    leaf.line(no);
                    recorded = true;
                    i++;
                    if (i < w.size() && w.get(i).equals("[")) {
                        int close = i;
                        while (!w.get(close).equals("]")) close++;
                        for (int k = i + 1; k < close; k++) member(leaf, w.get(k), no);
                        i = close + 1;
                    } else if (i < w.size()) {
                        value(leaf, w.get(i), no);
                        i++;
                    }
                }
            }
        }
        if (!recorded) at.line(no); // the line makes an empty entry or level
    }

    /**
     * A single value: the leaf's text the first time; set again, the leaf becomes a list of its
     * values (PAN-OS adds to a list; a single-valued leaf is read as its last value).
     */
    private static void value(PanNode leaf, String value, int no) {
        if (leaf.members().isEmpty() && leaf.text().isEmpty()) {
            leaf.appendText(value);
            return;
        }
        if (leaf.members().isEmpty()) {
            String old = leaf.text();
            leaf.clearText();
            leaf.add("member", null).appendText(old);
        }
        member(leaf, value, no);
    }

    private static void member(PanNode leaf, String value, int no) {
        for (PanNode m : leaf.members()) {
            if (m.text().equals(value)) {
                m.line(no);
                return;
            }
        }
        PanNode m = leaf.add("member", null);
        m.appendText(value);
        m.line(no);
    }

    /** {@code delete PATH}: removes what the path names; its lines are then ignored, naming this line. */
    private void delete(int no, PanNode node, List<String> w, int i) {
        PanNode at = node;
        PanNode target = null;
        String value = null;
        while (i < w.size()) {
            String word = w.get(i);
            PanSchema.Kind k = PanSchema.kind(at, word);
            PanNode next = at.child(word);
            if (next == null) break;
            if (k == PanSchema.Kind.COLLECTION) {
                if (i + 1 >= w.size()) {
                    target = next;
                    i++;
                    break;
                }
                next = next.entry(w.get(i + 1));
                i += 2;
                if (next == null) {
                    target = null; // no such entry: nothing to delete
                    break;
                }
            } else {
                i++;
                if (k == PanSchema.Kind.VALUED && i < w.size()) {
                    value = w.get(i).equals("[") ? null : w.get(i);
                    target = next;
                    i = w.size();
                    break;
                }
            }
            if (next == null) break;
            at = next;
            target = next;
        }
        if (target == null || i < w.size()) {
            ledger.lines.ignored(no, "deletes what the configuration does not hold at this point: nothing changes");
            return;
        }
        PanNode gone = target;
        if (value != null) {
            gone = null;
            for (PanNode m : target.members()) if (m.text().equals(value)) gone = m;
            if (gone == null) {
                ledger.lines.ignored(no, "deletes a value the configuration does not hold at this point: nothing changes");
                return;
            }
        }
        ledger.ignoredTree(gone, "removed by the delete command on line " + no);
        gone.parent.remove(gone);
        ledger.lines.used(no);
    }

    /**
     * The words of a set command: blanks separate them, double quotes keep blanks in one (a backslash
     * escapes a quote), and {@code [} and {@code ]} are words of their own.
     */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length(), i = 0;
        int open = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '[' || c == ']') {
                if (c == '[') open++;
                else if (--open < 0) throw new IllegalArgumentException("']' without '['");
                out.add(String.valueOf(c));
                i++;
                continue;
            }
            StringBuilder w = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                c = s.charAt(i);
                if (quoted) {
                    if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '"') {
                        w.append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"') quoted = false;
                    else w.append(c);
                    i++;
                    continue;
                }
                if (c == '"') {
                    quoted = true;
                    i++;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '[' || c == ']') break;
                w.append(c);
                i++;
            }
            if (quoted) throw new IllegalArgumentException("a quote that is not closed");
            out.add(w.toString());
        }
        if (open != 0) throw new IllegalArgumentException("'[' without ']'");
        return out;
    }
}
