package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The raw model of an nftables ruleset: tables with chains, named sets and maps, rules as statements. */
final class NftRuleset {
    final Map<String, Table> tables = new LinkedHashMap<>();
    /** Declaration order of chains across tables (ties of equal priority keep it). */
    private int declared;
    /** Rules a {@code flush} or {@code delete} command removed, with why: their lines are diagnosed, not dropped silently. */
    final List<Removed> removed = new ArrayList<>();

    /** A statement removed by a later command, and the command's location. */
    record Removed(Loc loc, String why) {}

    Table table(String family, String name) {
        return tables.computeIfAbsent(family + " " + name, k -> new Table(family, name));
    }

    int nextOrder() {
        return ++declared;
    }

    /** Forgets everything ({@code flush ruleset}): the kernel starts empty again. */
    void flush(Loc at, String family) {
        for (var it = tables.values().iterator(); it.hasNext();) {
            Table t = it.next();
            if (family != null && !t.family.equals(family)) continue;
            t.removeAll(this, "removed by 'flush ruleset' at " + at.where(), true);
            it.remove();
        }
    }

    /** One file of the ruleset (the file given, or one it includes), with its own line ledger. */
    static final class SrcFile {
        final String display;
        final String content;
        final LineLedger ledger;
        /** True for the file given; its lines are their own ids in uncertainty reasons. */
        final boolean main;
        /** Ids for the lines of included files, shared by the files of one import (see {@link Loc#id}). */
        private final int[] ids;
        /** True when the import holds several files: locations then name their file in reasons. */
        boolean named;

        SrcFile(String display, String content, SrcFile includer) {
            this.display = display;
            this.content = content;
            // a text file's ledger knows its every line; the units of a JSON file are the elements of its array
            this.ledger = content.startsWith("{") ? new LineLedger(display) : LineLedger.ofText(display, content);
            this.main = includer == null;
            this.ids = includer == null ? new int[] {1 << 30} : includer.ids;
        }

        private int nextId() {
            return ids[0]++;
        }

        private int[] starts;

        /** The stripped text of line {@code line} (1-based). */
        String lineText(int line) {
            if (starts == null) {
                int n = 1;
                for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') n++;
                starts = new int[n];
                int k = 1;
                for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') starts[k++] = i + 1;
            }
            if (line < 1 || line > starts.length) return "";
            return NftLexer.lineText(content, starts[line - 1]);
        }
    }

    /**
     * Where a statement was written: its file and first line, and its text. {@code id} tells
     * statements apart in uncertainty reasons ({@link io.lyncaudit.importer.MatchSpan}): the line
     * number for the file given, a number of its own for a line of an included file.
     */
    static final class Loc {
        final SrcFile file;
        final int line;
        final String text;
        final int id;

        Loc(SrcFile file, int line, String text) {
            this.file = file;
            this.line = line;
            this.text = text;
            this.id = file.main ? line : file.nextId();
        }

        /** "file:line" when the import holds several files, else null ({@code MatchSpan} then says "line N"). */
        String label() {
            return file.named ? file.display + ":" + line : null;
        }

        /** "file:line" for messages. */
        String where() {
            return file.display + ":" + line;
        }

        void used() {
            file.ledger.used(line, text);
        }

        void mark(LineLedger.Verdict v, String message) {
            file.ledger.mark(line, text, v, message);
        }

        boolean has() {
            return file.ledger.has(line);
        }

        SourceRef ref() {
            return SourceRef.line(file.display, line, text);
        }
    }

    /** One table of a family (ip, ip6, inet, arp, bridge, netdev). */
    static final class Table {
        final String family;
        final String name;
        final Map<String, Chain> chains = new LinkedHashMap<>();
        final Map<String, NamedSet> sets = new LinkedHashMap<>();
        /** {@code flags dormant}: the table's base chains are not registered, it filters nothing. */
        Loc dormant;
        private int anonymous;

        Table(String family, String name) {
            this.family = family;
            this.name = name;
        }

        Chain chain(String n) {
            return chains.computeIfAbsent(n, Chain::new);
        }

        /** A new chain for an anonymous {@code jump { ... }} written at {@code at}. */
        Chain anonymousChain(Loc at) {
            Chain c = new Chain("{anonymous chain at " + at.where() + (++anonymous > 1 ? " #" + anonymous : "") + "}");
            c.anonymous = true;
            chains.put(c.name, c);
            return c;
        }

        /** Removes the rules of every chain; {@code deleting}: the chains and sets themselves too. */
        void removeAll(NftRuleset rs, String why, boolean deleting) {
            for (Chain c : chains.values()) c.removeAll(rs, why, deleting);
            for (NamedSet s : sets.values()) {
                s.elements.clear();
                if (deleting && s.loc != null) rs.removed.add(new Removed(s.loc, why));
            }
        }
    }

    /** A chain; {@code hook} is null for a regular chain. */
    static final class Chain {
        final String name;
        String type;
        String hook;
        /** The priority as written: a number, a standard name or name +/- number. */
        String priority;
        String policy;
        /** {@code device eth0} or {@code devices = { eth0, eth1 }}: one binding each (netdev and inet ingress). */
        final List<String> devices = new ArrayList<>();
        /** True when the export names no devices although the hook needs them (the JSON of some nft versions). */
        boolean devicesUnknown;
        boolean anonymous;
        /** Declaration order (see {@link NftRuleset#nextOrder}). */
        int order;
        /** The chain's declaration, its {@code type ... hook ...} statement and its {@code policy} statement. */
        Loc decl;
        Loc hookLoc;
        Loc policyLoc;
        final List<RawRule> rules = new ArrayList<>();

        Chain(String name) {
            this.name = name;
        }

        /** Removes the rules; {@code deleting}: the chain's hook and policy too. */
        void removeAll(NftRuleset rs, String why, boolean deleting) {
            for (RawRule r : rules) rs.removed.add(new Removed(r.loc(), why));
            rules.clear();
            if (!deleting) return;
            if (hookLoc != null) rs.removed.add(new Removed(hookLoc, why));
            if (policyLoc != null && policyLoc != hookLoc) rs.removed.add(new Removed(policyLoc, why));
        }
    }

    /** A named set or map; map elements carry a verdict ({@link Entry}) or data ({@link Mapping}). */
    static final class NamedSet {
        final String name;
        String type;
        boolean isMap;
        final Set<String> flags = new LinkedHashSet<>();
        final List<Value> elements = new ArrayList<>();
        Loc loc;
        /** Why the content is only known at run time (a dynamic set, elements that time out, rules that add to it), or null. */
        String runtime;

        NamedSet(String name) {
            this.name = name;
        }

        void runtime(String why) {
            if (runtime == null) runtime = why;
        }
    }

    /**
     * One rule: its statements in order, where it came from and its comment. {@code unplaced}: its
     * position in the chain is not known (added by {@code handle} or {@code position}).
     */
    record RawRule(Loc loc, List<Stmt> stmts, String comment, boolean unplaced) {
        RawRule(Loc loc, List<Stmt> stmts, String comment) {
            this(loc, stmts, comment, false);
        }
    }

    /** A rule statement. */
    sealed interface Stmt permits Match, VMap, Verdict, Nat, Notrack, SetUpdate, Undecided, Other, Unread {}

    /** {@code key [!=] value}, e.g. key "tcp dport"; a key containing " . " is a concatenation. */
    record Match(String key, boolean negated, Value value) implements Stmt {}

    /** {@code key vmap { v : verdict, ... }} or {@code key vmap @name}. */
    record VMap(String key, Value map) implements Stmt {}

    /** accept, drop, reject, return, continue, queue, jump X, goto X. */
    record Verdict(String kind, String target) implements Stmt {}

    /**
     * A NAT statement: {@code kind} dnat, snat, masquerade or redirect; {@code family} ip, ip6 or
     * null; {@code addr} and {@code port} as written (an address, a range; null when not given),
     * or, for {@code dnat to KEY map VALUE}, the map's key and value ({@code addr} and {@code port} null).
     */
    record Nat(String kind, String family, String addr, String port, String mapKey, Value map) implements Stmt {}

    /** {@code notrack}: the packet is not tracked (and never translated). */
    record Notrack() implements Stmt {}

    /** {@code add @set { ... }}, {@code update @set { ... }}, {@code delete @set { ... }}: {@code filtering} when a limit inside it may stop the rule. */
    record SetUpdate(String op, String set, boolean filtering) implements Stmt {}

    /** A statement that may decide what happens to the packet but is not modelled (tproxy, synproxy, fwd, an xt target). */
    record Undecided(String what) implements Stmt {}

    /**
     * Anything else: counter, log, limit, meter, mangling ...; {@code filtering} when it could change
     * which packets match; {@code rare} when it selects only unusual packets (a rate or quota
     * {@code over} its limit, a failed reverse-path {@code fib} lookup), so that the best reading is
     * that it matches none.
     */
    record Other(String what, boolean filtering, boolean rare) implements Stmt {
        Other(String what, boolean filtering) {
            this(what, filtering, false);
        }
    }

    /**
     * A rule that could not be read in full (already diagnosed): it stays at its position, read as
     * matching nothing. {@code verdicts} are the verdicts written in it when its statements could not
     * be read at all; empty when the statements that could be read follow (they bound what it may match).
     */
    record Unread(String why, List<Verdict> verdicts) implements Stmt {}

    /** A match value. */
    sealed interface Value permits Single, Range, SetOf, Named, Entry, Mapping {}

    /** One literal: address, prefix, port, name, state list; a concatenation's parts joined by " . ". */
    record Single(String text) implements Value {}

    /** {@code a-b}. */
    record Range(String from, String to) implements Value {}

    /** An anonymous set {@code { a, b-c }} (of entries for a map). */
    record SetOf(List<Value> elements) implements Value {}

    /** {@code @name}. */
    record Named(String name) implements Value {}

    /** A verdict map entry {@code key : verdict}. */
    record Entry(Value key, Verdict verdict) implements Value {}

    /** A data map entry {@code key : data}, e.g. {@code 80 : 10.0.0.1} or {@code 1.2.3.4 . 80 : 10.0.0.1 . 8080}. */
    record Mapping(Value key, Value data) implements Value {}
}
