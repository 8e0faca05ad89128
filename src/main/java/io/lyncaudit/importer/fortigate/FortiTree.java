package io.lyncaudit.importer.fortigate;

import io.lyncaudit.importer.LineLedger;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage one: the text of a FortiOS {@code show} (or {@code show full-configuration}) as a tree of
 * {@code config} blocks and {@code edit} entries with their {@code set}, {@code unset},
 * {@code append}, {@code select} and {@code unselect} statements, each with the lines it spans. A
 * quoted value may run over several lines (certificates, scripts): the statement spans them all.
 * What does not fit the grammar ({@code next} outside an entry, a {@code set} outside any block,
 * an unterminated quote) is unrecognized in the ledger; a {@code #} line is a comment.
 */
final class FortiTree {
    private FortiTree() {}

    /** One statement: its words (quotes removed) and the lines it spans. */
    record Stmt(List<String> words, int first, int last) {
        String verb() {
            return words.get(0);
        }

        /** The key of a set/unset/append/select/unselect, or "". */
        String key() {
            return words.size() > 1 ? words.get(1) : "";
        }

        /** The values after the key. */
        List<String> values() {
            return words.size() > 2 ? words.subList(2, words.size()) : List.of();
        }
    }

    /** A {@code config} block (name: its path) or an {@code edit} entry (name: the entry's name), or the file itself. */
    static final class Node {
        final boolean config;
        final String name;
        final int line;
        int endLine;
        final List<Node> kids = new ArrayList<>();
        final List<Stmt> stmts = new ArrayList<>();
        /** Lines of the block's own {@code config}, {@code edit}, {@code next} and {@code end} (and of commands such as delete). */
        final List<Integer> frame = new ArrayList<>();

        Node(boolean config, String name, int line) {
            this.config = config;
            this.name = name;
            this.line = line;
            if (line > 0) frame.add(line);
        }

        /** The first direct sub-block named {@code path}, or null. */
        Node block(String path) {
            for (Node k : kids) if (k.config && k.name.equals(path)) return k;
            return null;
        }

        /** Every line of the node, its statements and everything inside it (without recursion: blocks may nest deep). */
        void lines(List<Integer> out) {
            java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
            todo.push(this);
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                out.addAll(n.frame);
                for (Stmt s : n.stmts) for (int l = s.first; l <= s.last; l++) out.add(l);
                for (int i = n.kids.size() - 1; i >= 0; i--) todo.push(n.kids.get(i));
            }
        }

        @Override
        public String toString() {
            return (config ? "config " : "edit ") + name;
        }
    }

    /** The parsed file: its root node, and the FortiOS version its header gives (null when there is none). */
    record Parsed(Node root, String version, Integer headerVdomFlag) {}

    /** Parses the text; lines that fit no statement get their verdict in {@code ledger}. */
    static Parsed parse(String text, LineLedger ledger, int maxLine) {
        Node root = new Node(true, "", 0);
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        String version = null;
        Integer vdomFlag = null;
        int n = text.length(), i = 0, line = 1;
        List<String> words = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            int startLine = line, lineStart = i;
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\uFEFF')) i++;
            if (i >= n) break;
            char c0 = text.charAt(i);
            if (c0 == '\n') {
                i++;
                line++;
                continue;
            }
            if (c0 == '\r' && (i + 1 >= n || text.charAt(i + 1) == '\n')) {
                i++;
                continue;
            }
            int eol = text.indexOf('\n', i);
            if (eol < 0) eol = n;
            if (eol - lineStart > maxLine) {
                ledger.unrecognized(startLine, "line is longer than " + maxLine + " characters");
                i = eol;
                continue;
            }
            if (c0 == '-' || (Character.isLetterOrDigit(c0) && promptMark(text, i, eol))) {
                // what an SSH capture of the CLI adds around the configuration: the prompt with its command, the pager
                String raw = text.substring(i, eol).strip();
                if (raw.equals("--More--") || PROMPT.matcher(raw).matches()) {
                    ledger.ignored(startLine, raw.equals("--More--") ? "the CLI's pager prompt in a captured session"
                            : "the CLI prompt of a captured session");
                    i = eol;
                    continue;
                }
            }
            if (c0 == '#') {
                String header = text.substring(i, eol).strip();
                if (header.startsWith("#config-version=")) {
                    ledger.ignored(startLine, "header: the model, FortiOS version and build the configuration was saved from");
                    version = versionOf(header);
                    int v = header.indexOf(":vdom=");
                    if (v > 0 && v + 6 < header.length()) vdomFlag = header.charAt(v + 6) == '1' ? 1 : 0;
                } else if (header.startsWith("#conf_file_ver=") || header.startsWith("#buildno=") || header.startsWith("#global_vdom=")
                        || header.startsWith("#private-encryption-key=")) {
                    ledger.ignored(startLine, "header: metadata of the saved configuration");
                } else {
                    ledger.comment(startLine);
                }
                i = eol;
                continue;
            }
            words.clear();
            boolean broken = false;
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                if (c == '\n') break;
                if (c == '\r' && (i + 1 >= n || text.charAt(i + 1) == '\n')) {
                    i++;
                    continue;
                }
                sb.setLength(0);
                if (c == '"' || c == '\'') {
                    int j = i + 1, l = line;
                    boolean closed = false;
                    while (j < n) {
                        char ch = text.charAt(j);
                        if (ch == '\\' && j + 1 < n) {
                            char e = text.charAt(j + 1);
                            if (e == '\n') l++;
                            sb.append(e);
                            j += 2;
                            continue;
                        }
                        if (ch == c) {
                            closed = true;
                            break;
                        }
                        if (ch == '\n') l++;
                        if (ch != '\r') sb.append(ch);
                        j++;
                    }
                    if (!closed || (l > line && looksLikeStatements(sb))) {
                        // no closing quote after it, or one only past lines that read as statements (an unbalanced
                        // quote, not a certificate or a comment over lines): this line alone is junk; read on from the next
                        broken = true;
                        i = eol;
                        break;
                    }
                    line = l;
                    i = j + 1;
                    words.add(sb.toString());
                } else {
                    int j = i;
                    while (j < n) {
                        char ch = text.charAt(j);
                        if (ch == ' ' || ch == '\t' || ch == '\n' || (ch == '\r' && (j + 1 >= n || text.charAt(j + 1) == '\n'))) break;
                        if (ch == '\\' && j + 1 < n && text.charAt(j + 1) != '\n') {
                            sb.append(text.charAt(j + 1));
                            j += 2;
                            continue;
                        }
                        sb.append(ch);
                        j++;
                    }
                    words.add(sb.toString());
                    i = j;
                }
            }
            if (broken) {
                ledger.unrecognized(startLine, "a quoted value that is not closed on this line, and runs into what reads as statements");
                continue;
            }
            int endLine = line;
            if (words.isEmpty()) continue;
            statement(new Stmt(List.copyOf(words), startLine, endLine), stack, ledger);
        }
        for (int k = stack.size() - 1; k >= 1; k--) {
            Node open = stack.get(k);
            ledger.unsupported(open.line, "'" + open + "' is not closed by '" + (open.config ? "end" : "next")
                    + "' (is the file truncated?); what it holds is read as far as it goes");
        }
        return new Parsed(root, version, vdomFlag);
    }

    private static void statement(Stmt s, List<Node> stack, LineLedger ledger) {
        Node cur = stack.get(stack.size() - 1);
        String verb = s.verb();
        switch (verb) {
            case "config" -> {
                if (s.words().size() < 2) {
                    unrecognized(ledger, s, "'config' without a path");
                    return;
                }
                Node b = new Node(true, String.join(" ", s.words().subList(1, s.words().size())), s.first());
                addFrameLines(b, s);
                cur.kids.add(b);
                stack.add(b);
            }
            case "edit" -> {
                if (!cur.config || cur == stack.get(0) || s.words().size() != 2) {
                    unrecognized(ledger, s, cur.config && cur != stack.get(0) ? "'edit' takes one name" : "'edit' outside a config block");
                    return;
                }
                Node e = new Node(false, s.words().get(1), s.first());
                addFrameLines(e, s);
                cur.kids.add(e);
                stack.add(e);
            }
            case "next" -> {
                if (cur.config || s.words().size() != 1) {
                    unrecognized(ledger, s, "'next' outside an edit entry");
                    return;
                }
                cur.frame.add(s.first());
                cur.endLine = s.first();
                stack.remove(stack.size() - 1);
            }
            case "end" -> {
                if (stack.size() == 1 || s.words().size() != 1) {
                    unrecognized(ledger, s, "'end' outside a config block");
                    return;
                }
                if (!cur.config) {
                    // FortiOS saves the open entry and closes its block on 'end'
                    cur.endLine = s.first();
                    stack.remove(stack.size() - 1);
                    cur = stack.get(stack.size() - 1);
                }
                cur.frame.add(s.first());
                cur.endLine = s.first();
                stack.remove(stack.size() - 1);
            }
            case "set", "unset", "append", "select", "unselect" -> {
                if (stack.size() == 1 || s.words().size() < 2 || (!verb.equals("unset") && s.words().size() < 3 && !verb.equals("set"))) {
                    unrecognized(ledger, s, stack.size() == 1 ? "'" + verb + "' outside a config block" : "'" + verb + "' without a setting");
                    return;
                }
                cur.stmts.add(s);
            }
            case "delete", "move", "rename", "purge", "clone" -> {
                if (!cur.config || stack.size() == 1) {
                    unrecognized(ledger, s, "'" + verb + "' outside a config block");
                    return;
                }
                cur.stmts.add(s);
            }
            default -> unrecognized(ledger, s, "not a FortiOS configuration statement (config, edit, set, unset, append, next, end)");
        }
    }

    /** True when a value that runs over lines holds a line that reads as a statement. */
    private static boolean looksLikeStatements(CharSequence value) {
        String v = value.toString();
        int from = v.indexOf('\n');
        while (from >= 0) {
            int to = v.indexOf('\n', from + 1);
            String l = (to < 0 ? v.substring(from + 1) : v.substring(from + 1, to)).strip();
            if (l.startsWith("set ") || l.startsWith("unset ") || l.startsWith("edit ") || l.startsWith("config ") || l.equals("next")
                    || l.equals("end")) {
                return true;
            }
            from = to;
        }
        return false;
    }

    private static void addFrameLines(Node b, Stmt s) {
        for (int l = s.first() + 1; l <= s.last(); l++) b.frame.add(l);
    }

    private static void unrecognized(LineLedger ledger, Stmt s, String why) {
        for (int l = s.first(); l <= s.last(); l++) ledger.unrecognized(l, why);
    }

    /** True when the line holds " # " or " $ " or ends in " #" or " $": the mark of a prompt, checked before the pattern. */
    private static boolean promptMark(String text, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            char c = text.charAt(k);
            if ((c == '#' || c == '$') && text.charAt(k - 1) == ' ' && (k + 1 >= to || text.charAt(k + 1) <= ' ')) return true;
        }
        return false;
    }

    /** A FortiOS CLI prompt, alone or with the command typed after it: {@code FGT60F # show}, {@code FGT (root) # }, {@code FGT (policy) $ end}. */
    private static final java.util.regex.Pattern PROMPT = java.util.regex.Pattern.compile("[A-Za-z0-9][\\w.-]* (\\([\\w.-]+\\) )?[#$]( .*)?");

    /** "7.2.5" from "#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:...", or null. */
    static String versionOf(String header) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(\\d+)\\.(\\d+)\\.(\\d+)-").matcher(header);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }
}
