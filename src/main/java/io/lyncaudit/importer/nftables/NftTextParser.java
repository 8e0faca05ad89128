package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftLexer.Kind;
import io.lyncaudit.importer.nftables.NftLexer.Tok;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.Loc;
import io.lyncaudit.importer.nftables.NftRuleset.NamedSet;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SrcFile;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
import io.lyncaudit.importer.nftables.NftRuleset.Undecided;
import io.lyncaudit.importer.nftables.NftRuleset.Unread;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * First stage for nft text, as {@code nft list ruleset} prints it and as {@code nft -f} reads it:
 * the block form ({@code table inet t { chain c { ... } }}) and the command form ({@code add
 * table}, {@code add chain}, {@code add rule}, {@code insert rule}, {@code add set}, {@code add
 * element}, {@code flush}, {@code delete}), over the tokens of {@link NftSource} (includes read,
 * variables replaced), into the raw model.
 */
final class NftTextParser {
    static final Set<String> FAMILIES = Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");
    /** Table objects that do not filter: their blocks are skipped. */
    private static final Set<String> OBJECTS = Set.of("flowtable", "counter", "quota", "limit", "ct", "secmark", "synproxy", "tunnel");

    private final NftSource src;
    private final NftRuleset rs = new NftRuleset();
    /** Per file, the lines where a statement starts; a statement spanning lines marks the others as its continuation. */
    private final Map<SrcFile, BitSet> starts = new HashMap<>();
    private final List<Tok[]> spans = new ArrayList<>();

    private NftTextParser(NftSource src) {
        this.src = src;
    }

    static NftRuleset parse(NftSource src) throws BadInputException {
        NftTextParser p = new NftTextParser(src);
        p.top();
        p.finish();
        return p.rs;
    }

    private void finish() {
        for (Tok[] s : spans) {
            BitSet b = starts.get(s[0].file());
            for (int l = s[0].line() + 1; l <= s[1].line(); l++) {
                if (b != null && b.get(l)) continue;
                s[0].file().ledger.mark(l, s[0].file().lineText(l), Verdict.IGNORED, "continues line " + s[0].line());
            }
        }
        for (NftRuleset.Removed r : rs.removed) r.loc().mark(Verdict.IGNORED, r.why());
        src.finish();
    }


    // ---- statements as token lists

    /** The tokens of the next statement, up to a newline or ';' outside braces, or up to a '}' that closes the block (not consumed). */
    private List<Tok> statement() throws BadInputException {
        List<Tok> out = new ArrayList<>();
        int depth = 0;
        while (true) {
            Tok t = src.peek();
            if (t.kind() == Kind.EOF) break;
            if (depth == 0 && (t.separator() || t.is("}"))) {
                if (t.separator()) src.next();
                break;
            }
            src.next();
            if (t.is("{") || t.is("(")) depth++;
            if (t.is("}") || t.is(")")) depth--;
            out.add(t);
        }
        if (!out.isEmpty()) started(out.get(0), out.get(out.size() - 1));
        return out;
    }

    private void started(Tok first, Tok last) {
        starts.computeIfAbsent(first.file(), k -> new BitSet()).set(first.line());
        if (last.file() == first.file() && last.line() > first.line()) spans.add(new Tok[] {first, last});
    }

    private static Loc loc(List<Tok> stmt) {
        Tok a = stmt.get(0);
        Tok b = a;
        for (Tok x : stmt) if (x.file() == a.file()) b = x;
        return new Loc(a.file(), a.line(), NftLexer.text(a, b));
    }

    /** A declaration's location with the whole line as its text when it is on one line (type ...; policy ...;). */
    private static Loc wholeLine(List<Tok> stmt) {
        Tok a = stmt.get(0), b = stmt.get(stmt.size() - 1);
        return a.file() == b.file() && a.line() == b.line() ? new Loc(a.file(), a.line(), NftLexer.line(a)) : loc(stmt);
    }

    private static String error(List<Tok> stmt) {
        for (Tok t : stmt) if (t.kind() == Kind.ERROR) return t.text();
        return null;
    }

    // ---- top level

    private void top() throws BadInputException {
        while (true) {
            Tok t = src.peek();
            if (t.kind() == Kind.EOF) return;
            if (t.separator()) {
                src.next();
                continue;
            }
            if (t.is("}")) {
                src.next();
                started(t, t);
                new Loc(t.file(), t.line(), NftLexer.line(t)).mark(Verdict.UNRECOGNIZED, "'}' closes nothing");
                continue;
            }
            command();
        }
    }

    /** One command at the top level. */
    private void command() throws BadInputException {
        Tok first = src.peek();
        String w = first.kind() == Kind.WORD ? first.text() : "";
        switch (w) {
            case "table" -> {
                src.next();
                tableCommand(first);
                return;
            }
            case "add", "create" -> {
                String what = src.peek(1).text();
                if (src.peek(1).kind() == Kind.WORD && (what.equals("table") || what.equals("chain") || what.equals("set")
                        || what.equals("map") || what.equals("rule") || what.equals("element") || OBJECTS.contains(what))) {
                    src.next();
                    src.next();
                    switch (what) {
                        case "table" -> tableCommand(first);
                        case "chain" -> chainCommand(first);
                        case "set", "map" -> setCommand(first, what.equals("map"));
                        case "rule" -> ruleCommand(first, false);
                        case "element" -> elementCommand(first, false);
                        default -> skipped(first, "'" + what + "' objects do not filter");
                    }
                } else {
                    src.next();
                    ruleCommand(first, false);
                }
                return;
            }
            case "insert" -> {
                src.next();
                if (src.peek().is("rule")) src.next();
                ruleCommand(first, true);
                return;
            }
            case "chain" -> {
                src.next();
                chainCommand(first);
                return;
            }
            case "set", "map" -> {
                src.next();
                setCommand(first, w.equals("map"));
                return;
            }
            case "rule" -> {
                src.next();
                ruleCommand(first, false);
                return;
            }
            case "element" -> {
                src.next();
                elementCommand(first, false);
                return;
            }
            case "flush", "delete", "destroy" -> {
                edit(w);
                return;
            }
            case "replace" -> {
                src.next();
                if (src.peek().is("rule")) src.next();
                replaceCommand(first);
                return;
            }
            case "list", "reset", "monitor", "describe", "export", "import", "get" -> {
                List<Tok> s = statement();
                loc(s).mark(Verdict.IGNORED, "'" + w + "' does not change the ruleset");
                return;
            }
            default -> { }
        }
        // [family] table chain statements: 'add rule' without its keywords
        if (first.kind() == Kind.WORD && (FAMILIES.contains(w) || rs.tables.containsKey("ip " + w))) {
            ruleCommand(first, false);
            return;
        }
        List<Tok> s = statement();
        if (s.isEmpty()) {
            src.next();
            return;
        }
        String err = error(s);
        loc(s).mark(Verdict.UNRECOGNIZED, err != null ? err : "unknown statement outside a table");
        if (src.peek().is("}")) src.next();
    }

    private void skipped(Tok first, String why) throws BadInputException {
        List<Tok> s = statement();
        Loc l = s.isEmpty() ? new Loc(first.file(), first.line(), NftLexer.line(first)) : loc(withFirst(first, s));
        l.mark(Verdict.IGNORED, why);
    }

    private static List<Tok> withFirst(Tok first, List<Tok> s) {
        List<Tok> out = new ArrayList<>(s.size() + 1);
        out.add(first);
        out.addAll(s);
        return out;
    }

    /** [family] name: the family (ip when not written) and the name. */
    private String[] familyAndName() throws BadInputException {
        Tok a = src.next();
        if ((a.kind() == Kind.WORD && FAMILIES.contains(a.text())) && isName(src.peek())) {
            return new String[] {a.text(), src.next().text()};
        }
        if (!isName(a)) throw new IllegalArgumentException("expected a name, not '" + a.text() + "'");
        return new String[] {"ip", a.text()};
    }

    private static boolean isName(Tok t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.STRING;
    }

    // ---- tables

    /** {@code table [family] name { ... }} or {@code add table [family] name [{ flags ...; }]}. */
    private void tableCommand(Tok first) throws BadInputException {
        String[] fn;
        try {
            fn = familyAndName();
        } catch (IllegalArgumentException e) {
            unreadable(first, e.getMessage());
            return;
        }
        Table table = rs.table(fn[0], fn[1]);
        Loc at = new Loc(first.file(), first.line(), NftLexer.line(first));
        started(first, first);
        at.mark(Verdict.IGNORED, (first.is("table") ? "start of table " : "declares table ") + table.family + " " + table.name);
        if (!src.peek().is("{")) {
            statement();
            return;
        }
        src.next();
        tableBlock(table, at);
    }

    private void unreadable(Tok first, String why) throws BadInputException {
        List<Tok> rest = statement();
        loc(withFirst(first, rest)).mark(Verdict.UNRECOGNIZED, why);
    }

    private void tableBlock(Table table, Loc at) throws BadInputException {
        while (true) {
            Tok t = src.peek();
            if (t.kind() == Kind.EOF) {
                at.mark(Verdict.UNSUPPORTED, "table " + table.family + " " + table.name
                        + " is not closed: the ruleset looks truncated; its rules are read as far as they go");
                return;
            }
            if (t.separator()) {
                src.next();
                continue;
            }
            if (t.is("}")) {
                endOfBlock();
                return;
            }
            String w = t.kind() == Kind.WORD ? t.text() : "";
            if ((w.equals("chain") || w.equals("set") || w.equals("map")) && isName(src.peek(1)) && src.peek(2).is("{")) {
                src.next();
                String name = src.next().text();
                src.next();
                started(t, t);
                Loc l = new Loc(t.file(), t.line(), NftLexer.line(t));
                if (w.equals("chain")) {
                    Chain c = table.chain(name);
                    if (c.decl == null) c.decl = l;
                    l.mark(Verdict.IGNORED, "declares chain " + name);
                    chainBlock(table, c);
                } else {
                    NamedSet s = table.sets.computeIfAbsent(name, NamedSet::new);
                    s.isMap = w.equals("map");
                    if (s.loc == null) s.loc = l;
                    l.mark(Verdict.IGNORED, "declares " + w + " " + name);
                    setBlock(s);
                }
                continue;
            }
            List<Tok> s = statement();
            if (s.isEmpty()) {
                src.next();
                continue;
            }
            Loc l = loc(s);
            if (OBJECTS.contains(w) && s.get(s.size() - 1).is("}")) {
                l.mark(Verdict.IGNORED, "'" + w + "' objects do not filter");
            } else if (w.equals("flags")) {
                if (s.stream().anyMatch(x -> x.is("dormant"))) {
                    table.dormant = l;
                    l.used();
                } else {
                    l.mark(Verdict.IGNORED, "table flags");
                }
            } else if (w.equals("comment")) {
                l.mark(Verdict.IGNORED, "table comment");
            } else {
                String err = error(s);
                l.mark(Verdict.UNRECOGNIZED, err != null ? err : "unknown statement in a table");
            }
        }
    }

    private void endOfBlock() throws BadInputException {
        Tok t = src.next();
        BitSet b = starts.computeIfAbsent(t.file(), k -> new BitSet());
        if (!b.get(t.line())) {
            b.set(t.line());
            new Loc(t.file(), t.line(), NftLexer.line(t)).mark(Verdict.IGNORED, "end of block");
        }
    }

    // ---- chains

    /** {@code [add] chain [family] table name [{ ... }]}. */
    private void chainCommand(Tok first) throws BadInputException {
        String[] fn;
        String name;
        try {
            fn = familyAndName();
            Tok n = src.next();
            if (!isName(n)) throw new IllegalArgumentException("expected a chain name, not '" + n.text() + "'");
            name = n.text();
        } catch (IllegalArgumentException e) {
            unreadable(first, e.getMessage());
            return;
        }
        Table table = rs.table(fn[0], fn[1]);
        Chain c = table.chain(name);
        started(first, first);
        Loc l = new Loc(first.file(), first.line(), NftLexer.line(first));
        if (c.decl == null) c.decl = l;
        if (!src.peek().is("{")) {
            statement();
            l.mark(Verdict.IGNORED, "declares chain " + name);
            return;
        }
        src.next();
        l.mark(Verdict.IGNORED, "declares chain " + name);
        chainBlock(table, c);
    }

    /** What a block does with each of its statements: the statement's first token and all its tokens. */
    private interface Statement {
        void read(Tok first, List<Tok> s) throws BadInputException;
    }

    /** Reads the statements of a block up to its closing brace (or the end of the input), skipping separators. */
    private void statements(Statement each) throws BadInputException {
        while (true) {
            Tok t = src.peek();
            if (t.kind() == Kind.EOF) return;
            if (t.separator()) {
                src.next();
                continue;
            }
            if (t.is("}")) {
                endOfBlock();
                return;
            }
            List<Tok> s = statement();
            if (s.isEmpty()) {
                src.next();
                continue;
            }
            each.read(t, s);
        }
    }

    private void chainBlock(Table table, Chain c) throws BadInputException {
        statements((t, s) -> {
            String w = t.kind() == Kind.WORD ? t.text() : "";
            Loc l = w.equals("type") || w.equals("policy") ? wholeLine(s) : loc(s);
            switch (w) {
                case "type" -> hook(c, s, l);
                case "policy" -> {
                    if (s.size() < 2) {
                        l.mark(Verdict.UNRECOGNIZED, "policy without accept or drop");
                    } else {
                        c.policy = s.get(1).text();
                        c.policyLoc = l;
                        if (!c.policy.equals("accept") && !c.policy.equals("drop")) {
                            l.mark(Verdict.UNRECOGNIZED, "chain policy '" + c.policy + "' is not accept or drop");
                            c.policy = null;
                        }
                    }
                }
                case "devices" -> devices(c, s, 0, l);
                case "comment" -> l.mark(Verdict.IGNORED, "chain comment");
                case "flags" -> l.mark(Verdict.IGNORED, "chain flags");
                default -> rule(table, c, s, l, -1, false);
            }
        });
    }

    /** {@code type T hook H [device D | devices = { ... }] priority P [; policy P]}. */
    private void hook(Chain c, List<Tok> s, Loc l) {
        for (int k = 0; k + 1 < s.size(); k++) {
            switch (s.get(k).text()) {
                case "type" -> c.type = s.get(++k).text();
                case "hook" -> c.hook = s.get(++k).text();
                case "device" -> c.devices.add(s.get(++k).text());
                case "devices" -> k = devices(c, s, k, l);
                case "priority" -> {
                    StringBuilder p = new StringBuilder();
                    while (k + 1 < s.size() && !s.get(k + 1).is("policy") && !s.get(k + 1).is(";")) {
                        p.append(p.length() > 0 ? " " : "").append(s.get(++k).text());
                    }
                    c.priority = p.toString();
                }
                case "policy" -> {
                    c.policy = s.get(++k).text();
                    c.policyLoc = l;
                }
                default -> { }
            }
        }
        if (c.hookLoc == null) c.order = rs.nextOrder();
        c.hookLoc = l;
        if (c.policyLoc == null) c.policyLoc = l;
        if (c.type == null || c.hook == null) l.mark(Verdict.UNRECOGNIZED, "a base chain needs 'type' and 'hook'");
    }

    /** {@code devices = { eth0, eth1 }} from token {@code k} on; returns the index of its last token. */
    private static int devices(Chain c, List<Tok> s, int k, Loc l) {
        int j = k + 1;
        if (j < s.size() && s.get(j).is("=")) j++;
        if (j < s.size() && s.get(j).is("{")) {
            j++;
            while (j < s.size() && !s.get(j).is("}")) {
                if (!s.get(j).is(",") && s.get(j).kind() != Kind.NEWLINE) c.devices.add(s.get(j).text());
                j++;
            }
            return j;
        }
        if (j < s.size()) c.devices.add(s.get(j).text());
        return j;
    }

    /** A rule of chain {@code c}: at the end, or at index {@code at} (0-based). */
    private void rule(Table table, Chain c, List<Tok> s, Loc l, int at, boolean unplaced) {
        RawRule r;
        String err = error(s);
        if (err != null) {
            l.mark(Verdict.UNRECOGNIZED, err);
            List<NftRuleset.Verdict> vs = NftStatements.writtenVerdicts(s);
            if (vs.isEmpty()) return;
            r = new RawRule(l, List.of(new Unread(err, vs)), null, unplaced);
        } else {
            try {
                NftStatements.Parsed p = NftStatements.parse(s, (tok, stmts) -> anonymous(table, tok, stmts));
                r = new RawRule(l, p.stmts(), p.comment(), unplaced);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? "cannot read the rule" : e.getMessage();
                l.mark(Verdict.UNRECOGNIZED, why);
                // its place in the chain is known: keep it with the verdicts it names, read as matching nothing
                List<NftRuleset.Verdict> vs = NftStatements.writtenVerdicts(s);
                if (vs.isEmpty()) return;
                r = new RawRule(l, List.of(new Unread(why, vs)), null, unplaced);
            }
        }
        if (at < 0 || at > c.rules.size()) c.rules.add(r);
        else c.rules.add(at, r);
    }

    /** The chain of an anonymous {@code jump { ... }}: one rule per statement. */
    private String anonymous(Table table, Tok at, List<List<Tok>> stmts) {
        Chain c = table.anonymousChain(new Loc(at.file(), at.line(), NftLexer.line(at)));
        for (List<Tok> s : stmts) {
            started(s.get(0), s.get(s.size() - 1));
            rule(table, c, s, loc(s), -1, false);
        }
        return c.name;
    }

    /** {@code [add|insert] rule [family] table chain [index N | handle N | position N] statements}. */
    private void ruleCommand(Tok first, boolean insert) throws BadInputException {
        List<Tok> s = statement();
        List<Tok> all = first.is("add") || first.is("insert") || first.is("rule") ? withFirst(first, s) : s;
        if (s.isEmpty()) return;
        Loc l = loc(all);
        int k = 0;
        String family = "ip";
        if (s.get(0).kind() == Kind.WORD && FAMILIES.contains(s.get(0).text()) && s.size() > 2) family = s.get(k++).text();
        if (s.size() < k + 2 || !isName(s.get(k)) || !isName(s.get(k + 1))) {
            l.mark(Verdict.UNRECOGNIZED, "a rule command needs a table and a chain");
            return;
        }
        Table table = rs.table(family, s.get(k).text());
        Chain c = table.chain(s.get(k + 1).text());
        k += 2;
        int at = insert ? 0 : -1;
        boolean unplaced = false;
        if (k + 1 < s.size() && (s.get(k).is("index") || s.get(k).is("handle") || s.get(k).is("position"))) {
            String how = s.get(k).text();
            String n = s.get(k + 1).text();
            k += 2;
            if (how.equals("index") && n.matches("[0-9]{1,6}")) {
                // add: after the rule at that index; insert: before it
                at = Integer.parseInt(n) + (insert ? 0 : 1);
            } else {
                unplaced = true;
                l.mark(Verdict.UNSUPPORTED, "rule " + how + " " + n + " is not known in a ruleset file: where the rule stands in chain "
                        + c.name + " is unknown, so every decision it may change is uncertain");
            }
        }
        List<Tok> stmts = s.subList(k, s.size());
        if (stmts.isEmpty()) {
            l.mark(Verdict.UNRECOGNIZED, "a rule without statements");
            return;
        }
        rule(table, c, stmts, l, unplaced ? 0 : at, unplaced);
    }

    /** {@code replace rule [family] table chain handle N statements}: which rule it replaces is not in the file. */
    private void replaceCommand(Tok first) throws BadInputException {
        List<Tok> s = statement();
        Loc l = loc(withFirst(first, s));
        int k = 0;
        String family = "ip";
        if (!s.isEmpty() && FAMILIES.contains(s.get(0).text()) && s.size() > 2) family = s.get(k++).text();
        if (s.size() < k + 4 || !s.get(k + 2).is("handle")) {
            l.mark(Verdict.UNRECOGNIZED, "replace rule needs a table, a chain and a handle");
            return;
        }
        Table table = rs.table(family, s.get(k).text());
        Chain c = table.chain(s.get(k + 1).text());
        c.rules.add(0, new RawRule(l, List.of(new Undecided("a rule replaced by handle at " + l.where())), null));
        l.mark(Verdict.UNSUPPORTED, "'replace rule' names a rule by its handle, which a ruleset file does not show; every decision of "
                + "chain " + c.name + " is uncertain");
        List<Tok> stmts = s.subList(k + 4, s.size());
        if (!stmts.isEmpty()) rule(table, c, stmts, l, 0, true);
    }

    // ---- sets and maps

    /** {@code [add] set|map [family] table name { ... }}. */
    private void setCommand(Tok first, boolean map) throws BadInputException {
        String[] fn;
        String name;
        try {
            fn = familyAndName();
            name = src.next().text();
        } catch (IllegalArgumentException e) {
            unreadable(first, e.getMessage());
            return;
        }
        Table table = rs.table(fn[0], fn[1]);
        NamedSet s = table.sets.computeIfAbsent(name, NamedSet::new);
        s.isMap = map;
        started(first, first);
        Loc l = new Loc(first.file(), first.line(), NftLexer.line(first));
        if (s.loc == null) s.loc = l;
        l.mark(Verdict.IGNORED, "declares " + (map ? "map " : "set ") + name);
        if (src.peek().is("{")) {
            src.next();
            setBlock(s);
        } else {
            statement();
        }
    }

    private void setBlock(NamedSet set) throws BadInputException {
        statements((t, s) -> {
            Loc l = loc(s);
            String w = t.text();
            switch (w) {
                case "type", "typeof" -> {
                    StringBuilder b = new StringBuilder();
                    for (int k = 1; k < s.size(); k++) b.append(k > 1 ? " " : "").append(s.get(k).text());
                    set.type = b.toString();
                    l.used();
                }
                case "elements" -> {
                    int eq = 1;
                    while (eq < s.size() && !s.get(eq).is("=")) eq++;
                    addElements(set, s.subList(Math.min(eq + 1, s.size()), s.size()), l);
                }
                case "flags" -> {
                    for (int k = 1; k < s.size(); k++) if (!s.get(k).is(",")) set.flags.add(s.get(k).text());
                    if (set.flags.contains("dynamic") || set.flags.contains("timeout")) {
                        set.runtime(set.flags.contains("dynamic") ? "a dynamic set: rules add to it at run time" : "its elements time out");
                        l.used();
                    } else {
                        l.mark(Verdict.IGNORED, "set property 'flags'");
                    }
                }
                case "timeout" -> {
                    set.runtime("its elements time out");
                    l.used();
                }
                default -> {
                    String err = error(s);
                    if (err != null) l.mark(Verdict.UNRECOGNIZED, err);
                    else l.mark(Verdict.IGNORED, "set property '" + w + "'");
                }
            }
        });
    }

    private void addElements(NamedSet set, List<Tok> toks, Loc l) {
        String err = error(toks);
        if (err != null || toks.isEmpty()) {
            l.mark(Verdict.UNRECOGNIZED, "cannot read the elements: " + (err != null ? err : "none given"));
            set.runtime("its elements could not be read (" + l.where() + ")");
            return;
        }
        try {
            NftStatements.Elements e = NftStatements.elements(toks);
            if (set.elements.size() + e.values().size() > NftConversions.MAX_ELEMENTS) {
                l.mark(Verdict.UNSUPPORTED, "more than " + NftConversions.MAX_ELEMENTS + " elements; the rest are not read");
                set.runtime("it has more than " + NftConversions.MAX_ELEMENTS + " elements, not all read");
                return;
            }
            set.elements.addAll(e.values());
            if (e.timeouts()) set.runtime("its elements time out");
            l.used();
        } catch (RuntimeException ex) {
            l.mark(Verdict.UNRECOGNIZED, "cannot read the elements: " + ex.getMessage());
            set.runtime("its elements could not be read (" + l.where() + ")");
        }
    }

    /** {@code add element [family] table set { ... }} (or {@code delete element}). */
    private void elementCommand(Tok first, boolean delete) throws BadInputException {
        List<Tok> s = withFirst(first, statement());
        Loc l = loc(s);
        int k = 1;
        while (k < s.size() && (s.get(k).is("element") || s.get(k).is("add") || s.get(k).is("delete"))) k++;
        String family = "ip";
        if (k < s.size() && FAMILIES.contains(s.get(k).text()) && k + 2 < s.size() && !s.get(k + 2).is("{")) family = s.get(k++).text();
        if (k + 1 >= s.size()) {
            l.mark(Verdict.UNRECOGNIZED, "an element command needs a table, a set and elements");
            return;
        }
        Table table = rs.table(family, s.get(k).text());
        NamedSet set = table.sets.get(s.get(k + 1).text());
        if (set == null) {
            l.mark(Verdict.UNRECOGNIZED, "set " + s.get(k + 1).text() + " is not declared in table " + family + " " + table.name);
            return;
        }
        List<Tok> els = s.subList(k + 2, s.size());
        if (!delete) {
            addElements(set, els, l);
            return;
        }
        try {
            List<Value> gone = NftStatements.elements(els).values();
            boolean all = set.elements.containsAll(gone);
            set.elements.removeAll(gone);
            if (all) {
                l.used();
            } else {
                set.runtime("'delete element' at " + l.where() + " names elements it does not hold as written");
                l.mark(Verdict.UNSUPPORTED, "deletes elements not written that way in the set; its content is uncertain");
            }
        } catch (RuntimeException ex) {
            set.runtime("'delete element' at " + l.where() + " could not be read");
            l.mark(Verdict.UNRECOGNIZED, "cannot read the elements: " + ex.getMessage());
        }
    }

    // ---- flush and delete

    private void edit(String cmd) throws BadInputException {
        Tok first = src.next();
        String what = src.peek().text();
        if (what.equals("element")) {
            src.next();
            elementCommand(first, cmd.equals("delete") || cmd.equals("destroy"));
            return;
        }
        List<Tok> s = withFirst(first, statement());
        Loc l = loc(s);
        List<String> words = new ArrayList<>();
        for (int k = 2; k < s.size(); k++) words.add(s.get(k).text());
        String family = !words.isEmpty() && FAMILIES.contains(words.get(0)) && (!what.equals("ruleset") || words.size() == 1)
                ? words.remove(0) : what.equals("ruleset") ? null : "ip";
        boolean flush = cmd.equals("flush");
        switch (what) {
            case "ruleset" -> {
                if (!flush) {
                    l.mark(Verdict.UNRECOGNIZED, "'" + cmd + " ruleset' is not an nft command");
                    return;
                }
                rs.flush(l, family);
                l.mark(Verdict.IGNORED, "script command: empties the ruleset" + (family != null ? " of family " + family : "")
                        + " before what follows");
            }
            case "table" -> {
                Table t = words.isEmpty() ? null : rs.tables.get(family + " " + words.get(0));
                if (t != null) {
                    t.removeAll(rs, "removed by '" + cmd + " table' at " + l.where(), !flush);
                    if (!flush) rs.tables.remove(family + " " + words.get(0));
                }
                l.mark(Verdict.IGNORED, (flush ? "empties" : "deletes") + " table " + family + " " + (words.isEmpty() ? "?" : words.get(0)));
            }
            case "chain" -> {
                Table t = words.size() < 2 ? null : rs.tables.get(family + " " + words.get(0));
                Chain c = t == null ? null : t.chains.get(words.get(1));
                if (c != null) {
                    c.removeAll(rs, "removed by '" + cmd + " chain' at " + l.where(), !flush);
                    if (!flush) t.chains.remove(c.name);
                }
                l.mark(Verdict.IGNORED, (flush ? "empties" : "deletes") + " chain " + family + " " + String.join(" ", words));
            }
            case "set", "map" -> {
                Table t = words.size() < 2 ? null : rs.tables.get(family + " " + words.get(0));
                NamedSet set = t == null ? null : t.sets.get(words.get(1));
                if (set != null) {
                    set.elements.clear();
                    if (!flush) t.sets.remove(set.name);
                }
                l.mark(Verdict.IGNORED, (flush ? "empties " : "deletes ") + what + " " + family + " " + String.join(" ", words));
            }
            case "rule" -> {
                Table t = words.size() < 2 ? null : rs.tables.get(family + " " + words.get(0));
                Chain c = t == null ? null : t.chains.get(words.get(1));
                if (c != null) {
                    // which rule a handle names is not in the file: any decision of the chain may change
                    c.rules.add(0, new RawRule(l, List.of(new Undecided("a rule deleted by handle at " + l.where())), null));
                }
                l.mark(Verdict.UNSUPPORTED, "'" + cmd + " rule' names a rule by its handle, which a ruleset file does not show; "
                        + "every decision of the chain is uncertain");
            }
            default -> l.mark(Verdict.IGNORED, "'" + cmd + " " + what + "' does not filter");
        }
    }
}
