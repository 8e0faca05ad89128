package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.NamedSet;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
import io.lyncaudit.importer.nftables.NftRuleset.Unread;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import java.util.List;

/** First stage for {@code nft list ruleset} text: blocks and lines into the raw model. */
final class NftTextParser {
    static final int MAX_LINE = 64 * 1024;
    /** A statement spread over more lines than this (an unclosed brace) is cut off. */
    static final int MAX_JOINED = 100_000;

    private NftTextParser() {}

    static NftRuleset parse(String content, LineLedger ledger) {
        NftRuleset rs = new NftRuleset();
        String[] lines = content.split("\n", -1);
        Table table = null;
        Chain chain = null;
        NamedSet set = null;
        int skipDepth = 0;
        int tableLine = 0;
        String tableText = null; // inside a block we do not model (flowtable, ct helper, counter ...)
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String line = lines[n].strip();
            if (line.isEmpty()) continue;
            if (ledger.unreadable(lineNo, line, MAX_LINE)) continue;
            if (line.startsWith("#")) {
                ledger.mark(lineNo, line, Verdict.IGNORED, "comment");
                continue;
            }
            // a statement with an open brace continues on the next lines (set elements, long anonymous sets)
            int first = lineNo;
            StringBuilder joined = new StringBuilder(line);
            boolean opener = isBlockOpener(line);
            while (!opener && balance(joined) > 0 && n + 1 < lines.length && n + 1 - first < MAX_JOINED) {
                n++;
                joined.append(' ').append(lines[n].strip());
                ledger.mark(n + 1, lines[n].strip(), Verdict.IGNORED, "continues line " + first);
            }
            String stmt = joined.toString();
            if (skipDepth > 0) {
                skipDepth += balance(joined);
                ledger.mark(first, line, Verdict.IGNORED, "inside a block that does not filter");
                continue;
            }
            List<String> tok;
            try {
                tok = NftStatements.tokens(stmt);
            } catch (IllegalArgumentException e) {
                ledger.mark(first, line, Verdict.UNRECOGNIZED, e.getMessage());
                continue;
            }
            if (tok.isEmpty()) continue;
            String w = tok.get(0);
            if (w.equals("}")) {
                if (set != null) set = null;
                else if (chain != null) chain = null;
                else if (table != null) table = null;
                else {
                    ledger.mark(first, line, Verdict.UNRECOGNIZED, "'}' closes nothing");
                    continue;
                }
                ledger.mark(first, line, Verdict.IGNORED, "end of block");
            } else if (table == null) {
                if (w.equals("table") && tok.size() >= 3 && tok.get(tok.size() - 1).equals("{")) {
                    boolean named = tok.size() >= 4;
                    table = rs.table(named ? tok.get(1) : "ip", named ? tok.get(2) : tok.get(1));
                    tableLine = first;
                    tableText = line;
                    ledger.mark(first, line, Verdict.IGNORED, "start of table " + table.family + " " + table.name);
                } else if (w.equals("flush") || w.equals("delete") || w.equals("include") || w.equals("define")) {
                    ledger.mark(first, line, w.equals("flush") ? Verdict.IGNORED : Verdict.UNSUPPORTED,
                            w.equals("flush") ? "script command, not part of the ruleset" : "'" + w + "' is not modelled");
                } else {
                    ledger.mark(first, line, Verdict.UNRECOGNIZED, "unknown statement outside a table");
                }
            } else if (set != null) {
                setLine(set, tok, first, line, ledger);
            } else if (chain != null) {
                chainLine(table, chain, tok, first, line, stmt, ledger);
            } else if ((w.equals("chain") || w.equals("set") || w.equals("map")) && tok.size() >= 3 && tok.get(2).equals("{")) {
                if (w.equals("chain")) {
                    chain = table.chain(tok.get(1));
                    chain.key = first;
                    chain.line = first;
                    chain.text = line;
                    ledger.mark(first, line, Verdict.IGNORED, "declares chain " + chain.name);
                } else {
                    set = table.sets.computeIfAbsent(tok.get(1), NamedSet::new);
                    set.isMap = w.equals("map");
                    ledger.mark(first, line, Verdict.IGNORED, "declares " + w + " " + set.name);
                }
            } else if (opener) {
                skipDepth = balance(joined);
                ledger.mark(first, line, Verdict.IGNORED, "'" + w + "' objects do not filter");
            } else if (w.equals("flags") || w.equals("comment")) {
                ledger.mark(first, line, Verdict.IGNORED, "table " + w);
            } else {
                ledger.mark(first, line, Verdict.UNRECOGNIZED, "unknown statement in a table");
            }
        }
        if (table != null) {
            ledger.mark(tableLine, tableText, Verdict.UNSUPPORTED, "table " + table.family + " " + table.name
                    + " is not closed: the ruleset looks truncated; its rules are read as far as they go");
        }
        return rs;
    }

    private static boolean isBlockOpener(String line) {
        return line.endsWith("{") && !line.contains("=") && !line.contains(" vmap ") && !line.contains(" dport ")
                && !line.contains(" saddr ") && !line.contains(" daddr ");
    }

    private static int balance(CharSequence s) {
        int b = 0;
        boolean q = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"') q = !q;
            else if (!q && c == '{') b++;
            else if (!q && c == '}') b--;
        }
        return b;
    }

    private static void setLine(NamedSet set, List<String> tok, int lineNo, String line, LineLedger ledger) {
        String w = tok.get(0);
        switch (w) {
            case "type", "typeof" -> {
                set.type = String.join(" ", tok.subList(1, tok.size()));
                ledger.used(lineNo, line);
            }
            case "elements" -> {
                try {
                    List<String> rest = tok.subList(tok.indexOf("=") + 1, tok.size());
                    Value v = NftStatements.parseValue(rest);
                    if (v instanceof SetOf s) set.elements.addAll(s.elements());
                    else if (!(v instanceof Named)) set.elements.add(v);
                    ledger.used(lineNo, line);
                } catch (RuntimeException e) {
                    ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "cannot read the elements: " + e.getMessage());
                }
            }
            default -> ledger.mark(lineNo, line, Verdict.IGNORED, "set property '" + w + "'");
        }
    }

    private static void chainLine(Table table, Chain chain, List<String> tok, int lineNo, String line, String stmt, LineLedger ledger) {
        String w = tok.get(0);
        if (w.equals("type") || w.equals("policy")) {
            for (int k = 0; k + 1 < tok.size(); k++) {
                switch (tok.get(k)) {
                    case "type" -> chain.type = tok.get(k + 1);
                    case "hook" -> chain.hook = tok.get(k + 1);
                    case "priority" -> chain.priority = tok.get(k + 1);
                    case "policy" -> chain.policy = tok.get(k + 1);
                    default -> { }
                }
            }
            chain.line = lineNo;
            chain.text = line;
            ledger.used(lineNo, line);
            return;
        }
        if (w.equals("comment") && tok.size() == 2) {
            ledger.mark(lineNo, line, Verdict.IGNORED, "chain comment");
            return;
        }
        try {
            NftStatements.Parsed p = NftStatements.parse(tok);
            chain.rules.add(new RawRule(lineNo, lineNo, stmt, p.stmts(), p.comment()));
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? "cannot read the rule" : e.getMessage();
            ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, why);
            // its place in the chain is known: keep it with the verdicts it names, read as matching nothing
            List<NftRuleset.Verdict> verdicts = NftStatements.writtenVerdicts(tok);
            if (!verdicts.isEmpty()) chain.rules.add(new RawRule(lineNo, lineNo, stmt, List.of(new Unread(why, verdicts)), null));
        }
    }
}
