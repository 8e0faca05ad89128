package io.lyncaudit.importer.fortigate;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.fortigate.FortiTree.Node;
import io.lyncaudit.importer.fortigate.FortiTree.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw vendor model of one VDOM: its zones, address, service and VIP objects and groups, and
 * its policies in the order {@code config firewall policy} lists them (after any {@code move} and
 * {@code delete} of a CLI script), each an {@link Entry} whose settings are applied as FortiOS
 * applies {@code set}, {@code unset}, {@code append}, {@code select} and {@code unselect}.
 */
final class FortiConfig {

    /** One {@code edit} entry (or a settings block) with its settings applied, and the lines each setting rests on. */
    static final class Entry {
        final String name;
        final List<Node> nodes = new ArrayList<>();
        final boolean builtin;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final Map<String, List<Integer>> keyLines = new HashMap<>();

        Entry(String name, boolean builtin) {
            this.name = name;
            this.builtin = builtin;
        }

        void apply(Node n, LineLedger ledger) {
            nodes.add(n);
            for (Stmt s : n.stmts) {
                String k = s.key().toLowerCase(Locale.ROOT);
                List<Integer> ls = keyLines.computeIfAbsent(k, x -> new ArrayList<>());
                for (int l = s.first(); l <= s.last(); l++) ls.add(l);
                switch (s.verb()) {
                    case "set", "select" -> values.put(k, new ArrayList<>(s.values()));
                    case "unset" -> values.remove(k);
                    case "append" -> values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(s.values());
                    case "unselect" -> {
                        List<String> cur = values.get(k);
                        if (cur != null) cur.removeAll(s.values());
                    }
                    default -> {
                        if (ledger != null && !builtin) {
                            for (int l = s.first(); l <= s.last(); l++) {
                                ledger.unrecognized(l, "'" + s.verb() + "' inside an entry: FortiOS takes it in a config block only");
                            }
                        }
                        ls.clear();
                    }
                }
            }
        }

        /** The values of a setting, or null when it is not set. */
        List<String> get(String key) {
            return values.get(key);
        }

        /** The first value of a setting (lower case), or {@code dflt} when it is not set. */
        String word(String key, String dflt) {
            List<String> v = values.get(key);
            return v == null || v.isEmpty() ? dflt : v.get(0).toLowerCase(Locale.ROOT);
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        /** Every setting key, in the order first set. */
        java.util.Set<String> keys() {
            return keyLines.keySet();
        }

        /** The lines of the statements about {@code key}. */
        List<Integer> lines(String key) {
            return keyLines.getOrDefault(key, List.of());
        }

        /** The first line of the entry (its {@code edit}). */
        int line() {
            return nodes.isEmpty() ? 0 : nodes.get(0).line;
        }

        /** Every line of the entry. */
        List<Integer> allLines() {
            List<Integer> out = new ArrayList<>();
            for (Node n : nodes) n.lines(out);
            return out;
        }
    }

    /** A config block's entries by name, in order (an entry edited twice is one entry). */
    static final class Table {
        final String path;
        final List<Node> blocks = new ArrayList<>();
        final Map<String, Entry> entries = new LinkedHashMap<>();
        /** Lines of block frames and commands (config, end, delete, move ...). */
        final List<Integer> frameLines = new ArrayList<>();

        Table(String path) {
            this.path = path;
        }

        Entry get(String name) {
            return entries.get(name);
        }
    }

    final Map<String, Table> tables = new LinkedHashMap<>();
    /** Blocks the importer does not read for policy, with their paths. */
    final List<Node> others = new ArrayList<>();
    /** Settings blocks (no edit entries) read for the mode of the VDOM, e.g. 'config system settings'. */
    final Map<String, Entry> settings = new HashMap<>();
    /** The policy order after move and delete commands; entries deleted by a command are in {@link #deleted}. */
    final List<Entry> policyOrder = new ArrayList<>();
    final Map<Entry, Integer> deleted = new HashMap<>();

    /** The paths read as tables of named entries. */
    static final List<String> TABLES = List.of("system zone", "firewall address", "firewall address6", "firewall addrgrp",
            "firewall addrgrp6", "firewall service custom", "firewall service group", "firewall vip", "firewall vipgrp",
            "firewall schedule recurring", "firewall schedule onetime", "firewall schedule group", "firewall policy",
            "firewall policy6");

    /** The settings blocks read. */
    static final List<String> SETTINGS = List.of("system settings");

    /** Builds the model of a VDOM from its config blocks. */
    static FortiConfig of(List<Node> blocks, LineLedger ledger, boolean builtin) {
        FortiConfig c = new FortiConfig();
        for (Node b : blocks) {
            if (TABLES.contains(b.name)) {
                Table t = c.tables.computeIfAbsent(b.name, Table::new);
                t.blocks.add(b);
                t.frameLines.addAll(b.frame);
                List<Object> seq = new ArrayList<>(b.kids);
                seq.addAll(b.stmts);
                seq.sort(Comparator.comparingInt(o -> o instanceof Node n ? n.line : ((Stmt) o).first()));
                for (Object o : seq) {
                    if (o instanceof Node e) {
                        if (e.config) {
                            if (!builtin) markAll(e, ledger, "a block inside 'config " + b.name + "' outside any entry");
                            continue;
                        }
                        Entry en = t.entries.get(e.name);
                        boolean fresh = en == null || c.deleted.containsKey(en);
                        if (fresh) {
                            if (en != null) t.entries.remove(e.name);
                            en = new Entry(e.name, builtin);
                            t.entries.put(e.name, en);
                            if (b.name.equals("firewall policy")) c.policyOrder.add(en);
                        }
                        en.apply(e, ledger);
                    } else {
                        c.command(t, (Stmt) o, ledger, builtin);
                    }
                }
            } else if (SETTINGS.contains(b.name)) {
                Entry e = c.settings.computeIfAbsent(b.name, k -> new Entry(k, builtin));
                e.apply(b, ledger);
                c.others.add(b);
            } else {
                c.others.add(b);
            }
        }
        return c;
    }

    /** A command in a table block: delete, move (policies), or something not read. */
    private void command(Table t, Stmt s, LineLedger ledger, boolean builtin) {
        t.frameLines.add(s.first());
        if (builtin || ledger == null) return;
        List<String> w = s.words();
        switch (s.verb()) {
            case "delete" -> {
                Entry e = w.size() == 2 ? t.entries.get(w.get(1)) : null;
                if (e == null) {
                    ledger.unrecognized(s.first(), "delete: no entry '" + (w.size() > 1 ? w.get(1) : "") + "' before it");
                    return;
                }
                // gone: a later edit of the name makes a new entry, and nothing finds this one
                t.entries.remove(w.get(1));
                deleted.put(e, s.first());
                if (t.path.equals("firewall policy")) policyOrder.remove(e);
                ledger.used(s.first());
            }
            case "move" -> {
                // move ID before|after ID: a CLI script reorders policies
                Entry a = w.size() == 4 ? t.entries.get(w.get(1)) : null, b = w.size() == 4 ? t.entries.get(w.get(3)) : null;
                if (!t.path.equals("firewall policy") || a == null || b == null || a == b
                        || !(w.get(2).equals("before") || w.get(2).equals("after")) || !policyOrder.contains(a) || !policyOrder.contains(b)) {
                    ledger.unrecognized(s.first(), "move: expected 'move ID before|after ID' of two policies defined before it");
                    return;
                }
                policyOrder.remove(a);
                int at = policyOrder.indexOf(b);
                policyOrder.add(w.get(2).equals("before") ? at : at + 1, a);
                ledger.used(s.first());
            }
            default -> ledger.unrecognized(s.first(), "'" + s.verb() + "' in a saved configuration is not read; edit the entries instead");
        }
    }

    Table table(String path) {
        return tables.getOrDefault(path, EMPTY);
    }

    private static final Table EMPTY = new Table("");

    /** Every line of a node, ignored or unrecognized with {@code why}. */
    static void markAll(Node n, LineLedger ledger, String why) {
        List<Integer> ls = new ArrayList<>();
        n.lines(ls);
        for (int l : ls) ledger.ignored(l, why);
    }
}
