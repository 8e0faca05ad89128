package io.lyncaudit.importer.nftables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The raw model of an nftables ruleset: tables with chains, named sets and maps, rules as statements. */
final class NftRuleset {
    final Map<String, Table> tables = new LinkedHashMap<>();

    Table table(String family, String name) {
        return tables.computeIfAbsent(family + " " + name, k -> new Table(family, name));
    }

    /** One table of a family (ip, ip6, inet, arp, bridge, netdev). */
    static final class Table {
        final String family;
        final String name;
        final Map<String, Chain> chains = new LinkedHashMap<>();
        final Map<String, NamedSet> sets = new LinkedHashMap<>();

        Table(String family, String name) {
            this.family = family;
            this.name = name;
        }

        Chain chain(String n) {
            return chains.computeIfAbsent(n, Chain::new);
        }
    }

    /** A chain; {@code hook} is null for a regular chain. {@code key} identifies its declaration for diagnostics. */
    static final class Chain {
        final String name;
        String type;
        String hook;
        String priority;
        String policy;
        int key;
        int line;
        String text;
        final List<RawRule> rules = new ArrayList<>();

        Chain(String name) {
            this.name = name;
        }
    }

    /** A named set or map; map elements carry a verdict. */
    static final class NamedSet {
        final String name;
        String type;
        boolean isMap;
        final List<Value> elements = new ArrayList<>();

        NamedSet(String name) {
            this.name = name;
        }
    }

    /** One rule: its statements in order, and where it came from (key: ledger entry; line: source line). */
    record RawRule(int key, int line, String text, List<Stmt> stmts, String comment) {}

    /** A rule statement. */
    sealed interface Stmt permits Match, VMap, Verdict, Dnat, Other, Unread {}

    /** {@code key [!=] value}, e.g. key "tcp dport"; a key containing " . " is a concatenation. */
    record Match(String key, boolean negated, Value value) implements Stmt {}

    /** {@code key vmap { v : verdict, ... }} or {@code key vmap @name}. */
    record VMap(String key, Value map) implements Stmt {}

    /** accept, drop, reject, return, continue, jump X, goto X. */
    record Verdict(String kind, String target) implements Stmt {}

    /** {@code dnat to ADDR[:PORT]}. */
    record Dnat(String addr, String port) implements Stmt {}

    /** Anything else: counter, log, limit, snat ...; {@code filtering} when it could change which packets match. */
    record Other(String what, boolean filtering) implements Stmt {}

    /**
     * A rule that could not be read in full (already diagnosed): it stays at its position, read as
     * matching nothing. {@code verdicts} are the verdicts written in it when its statements could not
     * be read at all; empty when the statements that could be read follow (they bound what it may match).
     */
    record Unread(String why, List<Verdict> verdicts) implements Stmt {}

    /** A match value. */
    sealed interface Value permits Single, Range, SetOf, Named, Entry {}

    /** One literal: address, prefix, port, name, state list. */
    record Single(String text) implements Value {}

    /** {@code a-b}. */
    record Range(String from, String to) implements Value {}

    /** An anonymous set {@code { a, b-c }} (of entries for a map). */
    record SetOf(List<Value> elements) implements Value {}

    /** {@code @name}. */
    record Named(String name) implements Value {}

    /** A map entry {@code key : verdict}. */
    record Entry(Value key, Verdict verdict) implements Value {}
}
