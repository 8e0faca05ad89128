package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stage one: the text of a Junos export into {@link SrxStatement}s, whichever form it is in.
 *
 * <ul>
 *   <li><b>Set form</b> ({@code show configuration | display set}, or a script of CLI commands):
 *       each {@code set} line is a statement. {@code deactivate} and {@code activate} make a whole
 *       branch inactive or active again (the last one said of a branch counts), {@code delete}
 *       removes what earlier lines set under a branch, and {@code insert ... before|after} moves a
 *       policy or rule, as the CLI does when the script is loaded.</li>
 *   <li><b>Hierarchical form</b> ({@code show configuration}, a saved {@code juniper.conf}): blocks
 *       in braces, leaves ending in {@code ;}, value lists in brackets. Each leaf becomes one
 *       statement per value, its path the words of every enclosing block. {@code inactive:} makes
 *       a statement or block inactive; {@code replace:} and {@code protect:} are load and commit
 *       marks that change nothing in the configuration itself.</li>
 * </ul>
 * In both forms {@code #} starts a comment outside quotes, {@code /* ... *}{@code /} is a comment
 * (an annotation) that may span lines, and the CLI prompt, the {@code [edit]} banner and the
 * chassis cluster's {@code {primary:node0}} lines that a copied terminal session holds are noted
 * and skipped.
 */
final class SrxText {
    /** A 64 MiB export holds at most a few million statements; value lists may multiply them, up to this many. */
    static final int MAX_STATEMENTS = 4_000_000;
    /** Junos hierarchies are about a dozen levels deep. */
    static final int MAX_DEPTH = 256;
    /** {@code insert} moves statements in a list; a script of more than this many is not a saved configuration. */
    static final int MAX_INSERTS = 10_000;

    private static final Pattern PROMPT = Pattern.compile("^[\\w.-]+@[\\w.:-]+[>#%](\\s.*)?$");
    private static final Pattern CLUSTER = Pattern.compile(
            "^\\{(master|primary|secondary|backup|linecard|hold|disabled|ineligible)(:[\\w-]+)?\\}$");
    private static final Pattern EDIT_BANNER = Pattern.compile("^\\[edit( [^\\]]*)?\\]$");

    private final String file;
    private final List<String> lines;
    private final LineLedger ledger;

    private SrxText(String file, List<String> lines, LineLedger ledger) {
        this.file = file;
        this.lines = lines;
        this.ledger = ledger;
    }

    /** Reads the text; {@link #settleStructure} gives block lines their verdict once the statements have theirs. */
    static SrxText read(String file, List<String> lines, LineLedger ledger) throws BadInputException {
        SrxText t = new SrxText(file, lines, ledger);
        t.setForm = t.detectSetForm();
        t.statements = t.setForm ? t.setLines() : t.hierarchy();
        return t;
    }

    /** The statements in configuration order. */
    List<SrxStatement> statements() {
        return statements;
    }

    /** True for the set form. */
    boolean setForm() {
        return setForm;
    }

    private boolean setForm;
    private List<SrxStatement> statements;

    /** The set form when the first line of content is a command ({@code set}, {@code deactivate}, ...). */
    private boolean detectSetForm() {
        for (String raw : lines) {
            String s = raw.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("/*") || banner(s)) continue;
            String first = s.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            return COMMANDS.contains(first);
        }
        return false;
    }

    private static final java.util.Set<String> COMMANDS = java.util.Set.of("set", "deactivate", "activate", "delete", "insert",
            "annotate", "edit", "top", "up", "exit", "commit", "rename", "copy", "load", "protect", "unprotect");

    /** A line of a terminal session, not of the configuration: the prompt, {@code [edit]}, the chassis cluster's {@code {primary:node0}}. */
    private static boolean banner(String s) {
        return PROMPT.matcher(s).matches() || CLUSTER.matcher(s).matches() || EDIT_BANNER.matcher(s).matches()
                || s.equals("{master}") || s.startsWith("## Last commit:") || s.startsWith("## Last changed:");
    }

    private boolean skipBanner(int lineNo, String s) {
        char c = s.isEmpty() ? ' ' : s.charAt(0);
        // cheap first: a banner starts with '#', '{' or '[', or holds a prompt's '@'
        if (c != '#' && c != '{' && c != '[' && s.indexOf('@') < 0) return false;
        if (s.startsWith("## Last commit:") || s.startsWith("## Last changed:")) {
            ledger.comment(lineNo);
            return true;
        }
        if (PROMPT.matcher(s).matches()) {
            ledger.ignored(lineNo, "the CLI prompt of a copied terminal session, not configuration");
            return true;
        }
        if (CLUSTER.matcher(s).matches() || s.equals("{master}")) {
            ledger.ignored(lineNo, "the chassis cluster or routing-engine banner of the CLI, not configuration");
            return true;
        }
        if (EDIT_BANNER.matcher(s).matches()) {
            ledger.ignored(lineNo, "the configuration mode banner of the CLI, not configuration");
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ tokens

    /** A token of either form: a word (quotes removed) or one of { } ; [ ]; {@code quoted} for a quoted word. */
    private record Token(String text, int line, boolean quoted) {
        boolean is(String s) {
            return !quoted && text.equals(s);
        }
    }

    /** Tokens of the whole text (hierarchical form), with comments noted; lines with only comments are comments. */
    private List<Token> tokens(BitSet skip) throws BadInputException {
        List<Token> out = new ArrayList<>();
        boolean inComment = false;
        for (int ln = 1; ln <= lines.size(); ln++) {
            if (skip.get(ln)) continue;
            String line = lines.get(ln - 1);
            int before = out.size();
            boolean commented = inComment;
            int i = 0, n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        i = n;
                    } else {
                        i = end + 2;
                        inComment = false;
                    }
                    continue;
                }
                if (c <= ' ') {
                    i++;
                } else if (c == '#') {
                    commented = true;
                    break;
                } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                    commented = true;
                    inComment = true;
                    i += 2;
                } else if (c == '{' || c == '}' || c == ';' || c == '[' || c == ']') {
                    out.add(new Token(String.valueOf(c), ln, false));
                    i++;
                } else if (c == '"') {
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (i < n && line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\' && i + 1 < n) i++;
                        b.append(line.charAt(i++));
                    }
                    if (i >= n) {
                        ledger.unrecognized(ln, "a quoted string that does not end on its line");
                        break;
                    }
                    i++;
                    out.add(new Token(b.toString(), ln, true));
                } else {
                    int s = i;
                    while (i < n && line.charAt(i) > ' ' && "{};[]\"".indexOf(line.charAt(i)) < 0) i++;
                    out.add(new Token(line.substring(s, i), ln, false));
                }
                if (out.size() > MAX_STATEMENTS) {
                    throw new BadInputException(file, ln, "more than " + MAX_STATEMENTS + " words: not a configuration this reader takes");
                }
            }
            if (out.size() == before && commented) ledger.comment(ln);
        }
        return out;
    }

    /** The words of one set-form line, quotes removed; null when a quote does not end (the line is then unrecognized). */
    private List<String> words(int ln, String line) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c <= ' ') {
                i++;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) <= ' ')) {
                break;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < n) i++;
                    b.append(line.charAt(i++));
                }
                if (i >= n) return null;
                i++;
                out.add(b.toString());
            } else {
                int s = i;
                while (i < n && line.charAt(i) > ' ' && line.charAt(i) != '"') i++;
                out.add(line.substring(s, i));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ set form

    /** A deactivate, activate or delete of a branch, and where it was said. */
    private record Event(String verb, int line) {}

    private List<SrxStatement> setLines() throws BadInputException {
        List<SrxStatement> out = new ArrayList<>();
        Map<String, List<Event>> activation = new HashMap<>();
        Map<String, Integer> deletes = new HashMap<>();
        Map<String, List<Integer>> deleteLines = new HashMap<>();
        int inserts = 0;
        boolean inComment = false;
        for (int ln = 1; ln <= lines.size(); ln++) {
            String raw = lines.get(ln - 1);
            String s = raw.strip();
            if (inComment) {
                ledger.comment(ln);
                if (s.contains("*/")) inComment = false;
                continue;
            }
            if (s.isEmpty()) continue;
            if (s.startsWith("#")) {
                ledger.comment(ln);
                continue;
            }
            if (s.startsWith("/*")) {
                ledger.comment(ln);
                inComment = !s.contains("*/");
                continue;
            }
            if (skipBanner(ln, s)) continue;
            if (ledger.unreadable(ln, raw, SrxImporter.MAX_LINE)) continue;
            List<String> w = words(ln, s);
            if (w == null) {
                ledger.unrecognized(ln, "a quoted string that does not end on its line");
                continue;
            }
            if (w.isEmpty()) {
                ledger.comment(ln);
                continue;
            }
            String verb = w.get(0);
            List<String> path = w.subList(1, w.size());
            switch (verb) {
                case "set" -> {
                    if (path.isEmpty()) {
                        ledger.unrecognized(ln, "'set' without a statement");
                        continue;
                    }
                    out.add(new SrxStatement(path, ln, ln, null, null));
                    if (out.size() > MAX_STATEMENTS) {
                        throw new BadInputException(file, ln, "more than " + MAX_STATEMENTS + " statements: not a configuration this reader takes");
                    }
                }
                case "deactivate", "activate" -> {
                    if (path.isEmpty()) {
                        ledger.unrecognized(ln, "'" + verb + "' without a statement");
                        continue;
                    }
                    activation.computeIfAbsent(String.join(" ", path), k -> new ArrayList<>()).add(new Event(verb, ln));
                }
                case "delete" -> {
                    if (path.isEmpty()) {
                        ledger.unsupported(ln, "'delete' of the whole configuration: what earlier lines set is read as deleted");
                    }
                    deletes.put(String.join(" ", path), ln);
                    deleteLines.computeIfAbsent(String.join(" ", path), k -> new ArrayList<>()).add(ln);
                }
                case "insert" -> {
                    if (++inserts > MAX_INSERTS) {
                        throw new BadInputException(file, ln, "more than " + MAX_INSERTS + " insert commands: not a saved configuration");
                    }
                    insert(out, path, ln);
                }
                case "annotate" -> ledger.ignored(ln, "an annotation (a comment on a statement)");
                case "protect", "unprotect" -> ledger.ignored(ln, "'" + verb + "' guards a statement against changes; it changes nothing it configures");
                case "commit", "exit", "quit", "top", "up" ->
                        ledger.ignored(ln, "a CLI command that changes nothing the configuration says" + ("top".equals(verb) || "up".equals(verb)
                                ? " (statements after it are read from the top of the hierarchy)" : ""));
                default -> ledger.unrecognized(ln, "not a configuration command (set, deactivate, activate, delete, insert); "
                        + ("edit".equals(verb) || "rename".equals(verb) || "copy".equals(verb) || "load".equals(verb)
                        ? "'" + verb + "' scripts are not read: save the configuration with 'show configuration | display set'" : "expected 'set ...'"));
            }
        }
        // deletes: a statement goes when a delete of one of its branches comes after it
        if (!deletes.isEmpty()) {
            List<SrxStatement> kept = new ArrayList<>(out.size());
            for (SrxStatement st : out) {
                Integer by = null;
                StringBuilder key = new StringBuilder();
                if (deletes.containsKey("") && deletes.get("") > st.line) by = deletes.get("");
                for (int i = 0; i < st.size() && by == null; i++) {
                    if (i > 0) key.append(' ');
                    key.append(st.word(i));
                    List<Integer> dl = deleteLines.get(key.toString());
                    if (dl != null) {
                        for (int d : dl) if (d > st.line) {
                            by = d;
                            break;
                        }
                    }
                }
                if (by == null) {
                    kept.add(st);
                } else {
                    ledger.ignored(st.line, "deleted by the 'delete' at line " + by);
                }
            }
            for (Map.Entry<String, List<Integer>> e : deleteLines.entrySet()) {
                for (int d : e.getValue()) {
                    ledger.ignored(d, "'delete' removes what lines before it set" + (e.getKey().isEmpty() ? "" : " under '" + e.getKey() + "'"));
                }
            }
            out = kept;
        }
        // deactivate and activate: the last one said of a branch counts for everything under it, whenever it was set
        if (!activation.isEmpty()) {
            for (SrxStatement st : out) {
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < st.size(); i++) {
                    if (i > 0) key.append(' ');
                    key.append(st.word(i));
                    List<Event> es = activation.get(key.toString());
                    Event e = es == null ? null : es.get(es.size() - 1);
                    if (e != null && e.verb.equals("deactivate")) {
                        st.inactive = true;
                        st.inactiveWhy = "deactivated by line " + e.line;
                        break;
                    }
                }
            }
            for (Map.Entry<String, List<Event>> e : activation.entrySet()) {
                List<Event> es = e.getValue();
                Event last = es.get(es.size() - 1);
                for (Event ev : es) {
                    if (ev != last) {
                        ledger.ignored(ev.line, "'" + ev.verb + "' of '" + e.getKey() + "' is undone by the '" + last.verb + "' at line " + last.line);
                    } else {
                        ledger.ignored(ev.line, ev.verb.equals("deactivate")
                                ? "deactivate: the device does not apply '" + e.getKey() + "' or anything under it"
                                : "activate: '" + e.getKey() + "' is applied again");
                    }
                }
            }
        }
        return out;
    }

    /** {@code insert PATH before|after KEY NAME}: moves the statements of PATH next to those of its sibling. */
    private void insert(List<SrxStatement> out, List<String> path, int ln) {
        int k = path.indexOf("before");
        int a = path.indexOf("after");
        int at = k >= 0 && (a < 0 || k < a) ? k : a;
        if (at < 2 || path.size() - at - 1 < 1) {
            ledger.unrecognized(ln, "expected 'insert PATH before|after NAME'");
            return;
        }
        boolean before = path.get(at).equals("before");
        List<String> moved = path.subList(0, at);
        List<String> anchor = new ArrayList<>(path.subList(0, at - (path.size() - at - 1)));
        anchor.addAll(path.subList(at + 1, path.size()));
        List<SrxStatement> taken = new ArrayList<>();
        for (SrxStatement st : out) if (st.startsWith(moved)) taken.add(st);
        if (taken.isEmpty()) {
            ledger.unrecognized(ln, "insert moves '" + String.join(" ", moved) + "', which no line before it set");
            return;
        }
        out.removeAll(taken);
        int pos = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith(anchor)) {
                pos = before ? i : i + 1;
                if (before) break;
            }
        }
        if (pos < 0) {
            out.addAll(taken);
            ledger.unrecognized(ln, "insert names '" + String.join(" ", anchor) + "', which no line before it set; nothing moved");
            return;
        }
        out.addAll(pos, taken);
        ledger.ignored(ln, "insert: '" + String.join(" ", moved) + "' is moved " + (before ? "before" : "after") + " '"
                + String.join(" ", path.subList(at + 1, path.size())) + "' (the order is read as moved)");
    }

    // ------------------------------------------------------------------ hierarchical form

    /** A block of the hierarchical form: its path, whether inactive, and the lines of its header and closing brace. */
    private static final class Frame {
        final List<String> words;
        final boolean inactive;
        final String why;
        final List<Integer> lines = new ArrayList<>(2);
        boolean used;
        boolean holdsAny;

        Frame(List<String> words, boolean inactive, String why) {
            this.words = words;
            this.inactive = inactive;
            this.why = why;
        }
    }

    /** Every block read, by id (a leaf's {@link SrxStatement#structure} holds the ids of the blocks around it). */
    private final List<Frame> frames = new ArrayList<>();

    private List<SrxStatement> hierarchy() throws BadInputException {
        BitSet skip = new BitSet();
        for (int ln = 1; ln <= lines.size(); ln++) {
            String raw = lines.get(ln - 1);
            String s = raw.strip();
            if (s.isEmpty()) continue;
            if (skipBanner(ln, s) || ledger.unreadable(ln, raw, SrxImporter.MAX_LINE)) skip.set(ln);
        }
        List<Token> toks = tokens(skip);
        List<SrxStatement> out = new ArrayList<>();
        List<Integer> stack = new ArrayList<>();
        int[] ids = null; // the ids of the open blocks, shared by the leaves read while they are open
        List<Token> cur = new ArrayList<>();
        for (Token t : toks) {
            if (t.is("{")) {
                if (stack.size() >= MAX_DEPTH) {
                    throw new BadInputException(file, t.line, "blocks nested deeper than " + MAX_DEPTH + " levels: not a Junos configuration");
                }
                Header h = header(cur, t.line);
                Frame parent = stack.isEmpty() ? null : frames.get(stack.get(stack.size() - 1));
                boolean inactive = (parent != null && parent.inactive) || h.inactive;
                String why = parent != null && parent.inactive ? parent.why : "inactive: in the export";
                List<String> words = new ArrayList<>(parent == null ? List.of() : parent.words);
                words.addAll(h.words);
                Frame f = new Frame(words, inactive, why);
                for (Token c : cur) if (!f.lines.contains(c.line)) f.lines.add(c.line);
                if (!f.lines.contains(t.line)) f.lines.add(t.line);
                frames.add(f);
                stack.add(frames.size() - 1);
                ids = null;
                cur.clear();
            } else if (t.is("}")) {
                if (!cur.isEmpty()) {
                    ledger.unrecognized(cur.get(0).line, "a statement without its ';'");
                    cur.clear();
                }
                if (stack.isEmpty()) {
                    ledger.unrecognized(t.line, "a closing brace without an open block");
                    continue;
                }
                Frame f = frames.get(stack.remove(stack.size() - 1));
                if (!f.lines.contains(t.line)) f.lines.add(t.line);
                ids = null;
            } else if (t.is(";")) {
                if (cur.isEmpty()) continue; // an empty statement
                if (ids == null) {
                    ids = new int[stack.size()];
                    for (int k = 0; k < ids.length; k++) ids[k] = stack.get(k);
                }
                leaf(cur, stack.isEmpty() ? null : frames.get(stack.get(stack.size() - 1)), ids, out);
                for (int id : ids) frames.get(id).holdsAny = true;
                cur.clear();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) ledger.unrecognized(cur.get(0).line, "a statement without its ';' at the end of the file (truncated export?)");
        for (int id : stack) {
            Frame f = frames.get(id);
            ledger.unsupported(f.lines.get(0), "this block is not closed before the end of the file (truncated export?); what it holds is read");
        }
        return out;
    }

    /** The words of a block header or leaf, with its {@code inactive:} and other marks taken off. */
    private record Header(List<String> words, boolean inactive) {}

    /**
     * Takes the marks off the front of a statement ({@code inactive:}, and {@code replace:},
     * {@code protect:}, {@code active:}, which change nothing; {@code delete:} of a load patch is
     * noted); returns the index of its first word, and whether it was marked inactive in {@code inactive[0]}.
     */
    private int marks(List<Token> toks, boolean[] inactive) {
        int i = 0;
        while (i < toks.size() && !toks.get(i).quoted) {
            String w = toks.get(i).text;
            if (w.equals("inactive:")) {
                inactive[0] = true;
            } else if (w.equals("delete:")) {
                ledger.unsupported(toks.get(i).line, "'delete:' is a mark of a load patch, not of a saved configuration; the statement is read as it is");
            } else if (!w.equals("replace:") && !w.equals("protect:") && !w.equals("active:")) {
                break;
            }
            i++;
        }
        return i;
    }

    private Header header(List<Token> toks, int line) {
        boolean[] inactive = {false};
        int i = marks(toks, inactive);
        List<String> words = new ArrayList<>();
        for (; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.is("[") || t.is("]")) continue;
            words.add(t.text);
        }
        if (words.isEmpty()) {
            ledger.unrecognized(line, "a block without a name");
            words.add("?");
        }
        return new Header(words, inactive[0]);
    }

    /** A leaf: one statement, or one per value of its list ({@code source-address [ a b ];}). */
    private void leaf(List<Token> toks, Frame parent, int[] ids, List<SrxStatement> out) throws BadInputException {
        int first = toks.get(0).line, last = toks.get(toks.size() - 1).line;
        boolean[] marked = {false};
        int i = marks(toks, marked);
        boolean inactive = marked[0];
        List<String> before = new ArrayList<>(), values = new ArrayList<>(), after = new ArrayList<>();
        int state = 0; // 0 before the list, 1 in it, 2 after it
        boolean bad = false;
        for (; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.is("[")) {
                if (state != 0) bad = true;
                state = 1;
            } else if (t.is("]")) {
                if (state != 1) bad = true;
                state = 2;
            } else {
                (state == 0 ? before : state == 1 ? values : after).add(t.text);
            }
        }
        if (bad || state == 1 || before.isEmpty()) {
            ledger.unrecognized(first, before.isEmpty() ? "a statement without words" 
                    : "a value list in brackets that is not closed, or more than one list in a statement");
            return;
        }
        List<String> prefix = parent == null ? List.of() : parent.words;
        boolean off = inactive || (parent != null && parent.inactive);
        String why = parent != null && parent.inactive ? parent.why : "inactive: in the export";
        List<List<String>> each = new ArrayList<>();
        if (state == 0) {
            each.add(before);
        } else {
            for (String v : values) {
                List<String> w = new ArrayList<>(before);
                w.add(v);
                w.addAll(after);
                each.add(w);
            }
        }
        if (each.isEmpty()) {
            ledger.ignored(first, "an empty value list: it sets nothing");
            return;
        }
        for (List<String> w : each) {
            List<String> words = new ArrayList<>(prefix.size() + w.size());
            words.addAll(prefix);
            words.addAll(w);
            SrxStatement st = new SrxStatement(words, first, last, ids.length == 0 ? null : ids, null);
            if (off) {
                st.inactive = true;
                st.inactiveWhy = why;
            }
            out.add(st);
        }
        if (out.size() > MAX_STATEMENTS) {
            throw new BadInputException(file, first, "more than " + MAX_STATEMENTS + " statements: not a configuration this reader takes");
        }
    }

    /**
     * Gives the lines that open and close blocks the verdict of what they hold: used when a
     * statement inside was used; otherwise ignored, saying why (inactive, or nothing in it used).
     * Called once the statements have their verdicts.
     */
    void settleStructure(List<SrxStatement> statements) {
        for (SrxStatement st : statements) {
            if (!st.used || st.structure == null) continue;
            for (int id : st.structure) frames.get(id).used = true;
        }
        for (Frame f : frames) {
            for (int l : f.lines) {
                if (f.used) {
                    ledger.used(l);
                } else {
                    ledger.ignored(l, f.inactive ? f.why + " (the block and all it holds)"
                            : f.holdsAny ? "a block of statements none of which is used (each says why)" : "an empty block: it sets nothing");
                }
            }
        }
    }
}
