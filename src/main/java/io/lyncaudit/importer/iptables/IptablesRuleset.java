package io.lyncaudit.importer.iptables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw model of an iptables-save file: tables of chains, each with its policy line and its
 * rules as written (strings, not yet address or port sets).
 */
final class IptablesRuleset {
    /** True when the file is ip6tables-save output (IPv6 addresses). */
    boolean ipv6;
    final Map<String, Table> tables = new LinkedHashMap<>();

    Table table(String name) {
        return tables.computeIfAbsent(name, Table::new);
    }

    /** One {@code *table} section. */
    static final class Table {
        final String name;
        final Map<String, Chain> chains = new LinkedHashMap<>();

        Table(String name) {
            this.name = name;
        }
    }

    /** A chain: {@code policy} is ACCEPT/DROP for built-in chains, "-" or null for user chains. */
    static final class Chain {
        final String name;
        String policy;
        int policyLine;
        String policyText;
        final List<RawRule> rules = new ArrayList<>();

        Chain(String name) {
            this.name = name;
        }
    }

    /** A condition value and whether it was negated with {@code !}. */
    record Neg(String value, boolean negated) {}

    /** What a repeatable condition is about. */
    enum Kind { SOURCE, DESTINATION, SOURCE_RANGE, DESTINATION_RANGE, SOURCE_PORT, DESTINATION_PORT, EITHER_PORT, STATE }

    /** One repeatable condition of a rule (addresses, ranges, ports, connection states). */
    record Cond(Kind kind, String value, boolean negated) {}

    /** The options written after a rule's target, in order. */
    static final class TargetOptions {
        static final TargetOptions NONE = new TargetOptions(List.of());
        final List<String> words;

        TargetOptions(List<String> words) {
            this.words = words;
        }

        boolean contains(String option) {
            return words.contains(option);
        }

        /** The word after {@code option}, or null. */
        String value(String option) {
            int i = words.indexOf(option);
            return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : null;
        }
    }

    /** One {@code -A} line, as written. */
    static final class RawRule {
        final int line;
        final String text;
        Neg protocol;
        /** Conditions in the order written; released (null) once converted, to keep big files small in memory. */
        List<Cond> conds = new ArrayList<>(4);
        Neg inIface;
        Neg outIface;
        /** --syn: TRUE, ! --syn: FALSE, absent: null. */
        Boolean syn;
        String comment;
        String target;
        boolean isGoto;
        String toDestination;
        /** The options after the target ({@code --to-ports 8080}, {@code --notrack}, {@code --reject-with ...}). */
        TargetOptions targetOptions = TargetOptions.NONE;
        /** Conditions understood but not modelled (each treated as matching every packet). */
        List<String> unsupported = List.of();
        /** The same conditions named briefly ({@code '-m time'}, {@code '-f'}), once each, for the rule's uncertainty. */
        List<String> unmodelled = List.of();
        /** Options not understood at all: the rule cannot be used. */
        List<String> unrecognized = List.of();

        RawRule(int line, String text) {
            this.line = line;
            this.text = text;
        }

        void add(Kind k, String v, boolean neg) {
            conds.add(new Cond(k, v, neg));
        }

        boolean has(Kind k) {
            for (Cond c : conds) if (c.kind() == k) return true;
            return false;
        }

        void unsupported(String what, String brief) {
            if (unsupported.isEmpty()) unsupported = new ArrayList<>(2);
            unsupported.add(what);
            if (unmodelled.isEmpty()) unmodelled = new ArrayList<>(2);
            if (!unmodelled.contains(brief)) unmodelled.add(brief);
        }

        void unrecognized(String what) {
            if (unrecognized.isEmpty()) unrecognized = new ArrayList<>(2);
            unrecognized.add(what);
        }
    }
}
