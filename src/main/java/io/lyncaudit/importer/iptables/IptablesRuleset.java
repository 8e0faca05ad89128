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

    /** One {@code -A} line, as written. */
    static final class RawRule {
        final int line;
        final String text;
        Neg protocol;
        final List<Neg> sources = new ArrayList<>();
        final List<Neg> destinations = new ArrayList<>();
        final List<Neg> srcRanges = new ArrayList<>();
        final List<Neg> dstRanges = new ArrayList<>();
        final List<Neg> sports = new ArrayList<>();
        final List<Neg> dports = new ArrayList<>();
        /** multiport --ports: source or destination port. */
        final List<Neg> eitherPorts = new ArrayList<>();
        Neg inIface;
        Neg outIface;
        final List<Neg> states = new ArrayList<>();
        /** --syn: TRUE, ! --syn: FALSE, absent: null. */
        Boolean syn;
        String comment;
        String target;
        boolean isGoto;
        String toDestination;
        /** Conditions understood but not modelled (each treated as matching every packet). */
        final List<String> unsupported = new ArrayList<>();
        /** Options not understood at all: the rule cannot be used. */
        final List<String> unrecognized = new ArrayList<>();

        RawRule(int line, String text) {
            this.line = line;
            this.text = text;
        }
    }
}
