package io.lyncaudit.importer;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.Locale;
import java.util.Map;

/**
 * The names and port grammar the Cisco importers share: a port as a number or a name of the
 * device's own list, the operators {@code eq lt gt neq range}, and protocol keywords. ASA and IOS
 * differ only in some names and in whether {@code eq}/{@code neq} take one port (ASA) or a list (IOS).
 */
public final class CiscoNames {
    private static final IntervalSet PORTFUL = Protocols.PORTED;

    /** The port names ASA and IOS both write, with the same numbers. */
    private static final Map<String, Integer> COMMON_NAMES = Map.ofEntries(
            Map.entry("bgp", 179), Map.entry("biff", 512), Map.entry("bootpc", 68), Map.entry("bootps", 67),
            Map.entry("chargen", 19), Map.entry("cmd", 514), Map.entry("daytime", 13), Map.entry("discard", 9),
            Map.entry("dnsix", 195), Map.entry("domain", 53), Map.entry("echo", 7), Map.entry("exec", 512),
            Map.entry("finger", 79), Map.entry("ftp", 21), Map.entry("ftp-data", 20), Map.entry("gopher", 70),
            Map.entry("hostname", 101), Map.entry("https", 443), Map.entry("ident", 113), Map.entry("irc", 194),
            Map.entry("isakmp", 500), Map.entry("klogin", 543), Map.entry("kshell", 544), Map.entry("ldap", 389),
            Map.entry("login", 513), Map.entry("lpd", 515), Map.entry("mobile-ip", 434), Map.entry("nameserver", 42),
            Map.entry("netbios-dgm", 138), Map.entry("netbios-ns", 137), Map.entry("nntp", 119), Map.entry("ntp", 123),
            Map.entry("pim-auto-rp", 496), Map.entry("pop2", 109), Map.entry("pop3", 110), Map.entry("rip", 520),
            Map.entry("sip", 5060), Map.entry("smtp", 25), Map.entry("snmp", 161), Map.entry("snmptrap", 162),
            Map.entry("ssh", 22), Map.entry("sunrpc", 111), Map.entry("syslog", 514), Map.entry("tacacs", 49),
            Map.entry("talk", 517), Map.entry("telnet", 23), Map.entry("tftp", 69), Map.entry("time", 37),
            Map.entry("uucp", 540), Map.entry("who", 513), Map.entry("whois", 43), Map.entry("www", 80),
            Map.entry("xdmcp", 177));

    /** {@code names} together with the port names every Cisco device knows. */
    public static Map<String, Integer> withCommonNames(Map<String, Integer> names) {
        Map<String, Integer> all = new java.util.HashMap<>(COMMON_NAMES);
        all.putAll(names);
        return Map.copyOf(all);
    }

    private final Map<String, Integer> names;
    private final boolean eqTakesAList;
    private final String nameWord;

    /**
     * @param names        the device's port names (lower case)
     * @param eqTakesAList true when {@code eq} and {@code neq} take several ports ({@code eq 80 443})
     * @param nameWord     what the device calls a port name in messages ("name", "keyword")
     */
    public CiscoNames(Map<String, Integer> names, boolean eqTakesAList, String nameWord) {
        this.names = Map.copyOf(names);
        this.eqTakesAList = eqTakesAList;
        this.nameWord = nameWord;
    }

    /** A port number or name, or -1. */
    public int port(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        Integer n = names.get(t);
        if (n != null) return n;
        if (t.isEmpty() || t.length() > 5) return -1;
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return -1;
        int v = Integer.parseInt(t);
        return v <= Ports.MAX ? v : -1;
    }

    /**
     * A protocol keyword or number ({@code ip} is every protocol, {@code tcp-udp} both), one of the
     * device's own {@code keywords}, or null.
     */
    public static IntervalSet protocol(String token, Map<String, Integer> keywords) {
        String t = token.toLowerCase(Locale.ROOT);
        switch (t) {
            case "ip" -> { return Protocols.ALL; }
            case "tcp-udp" -> { return Protocols.TCP_UDP; }
            case "nos" -> { return IntervalSet.point(94); }
            case "igrp" -> { return IntervalSet.point(9); }
            case "pcp" -> { return IntervalSet.point(108); }
            default -> { }
        }
        Integer own = keywords.get(t);
        if (own != null) return IntervalSet.point(own);
        int n = Protocols.number(t);
        return n < 0 ? null : IntervalSet.point(n);
    }

    /** True when the protocol set is only protocols that carry ports (TCP, UDP, SCTP). */
    public static boolean ported(IntervalSet protocols) {
        return !protocols.isEmpty() && PORTFUL.containsAll(protocols);
    }

    /**
     * Reads a port operator at {@code t[i]}; returns the ports and sets {@code next[0]} to the index
     * after it, or returns null when there is no operator there.
     *
     * @throws IllegalArgumentException when the operator is there but its operands are wrong
     */
    public IntervalSet operator(String[] t, int i, int[] next) {
        if (i >= t.length) return null;
        String op = t[i].toLowerCase(Locale.ROOT);
        if (!op.equals("eq") && !op.equals("neq") && !op.equals("lt") && !op.equals("gt") && !op.equals("range")) return null;
        int a = i + 1 < t.length ? port(t[i + 1]) : -1;
        if (a < 0) throw new IllegalArgumentException("'" + op + "' needs a port number or " + nameWord);
        next[0] = i + 2;
        switch (op) {
            case "eq", "neq" -> {
                IntervalSet s = IntervalSet.point(a);
                if (eqTakesAList) {
                    int j = i + 2;
                    while (j < t.length && port(t[j]) >= 0) s = s.union(IntervalSet.point(port(t[j++])));
                    next[0] = j;
                }
                return op.equals("eq") ? s : Ports.ALL.subtract(s);
            }
            case "lt" -> {
                return a == 0 ? IntervalSet.EMPTY : IntervalSet.of(0, a - 1);
            }
            case "gt" -> {
                return a == Ports.MAX ? IntervalSet.EMPTY : IntervalSet.of(a + 1, Ports.MAX);
            }
            default -> {
                int b = i + 2 < t.length ? port(t[i + 2]) : -1;
                if (b < 0 || b < a) throw new IllegalArgumentException("'range' needs two ports, the first not above the second");
                next[0] = i + 3;
                return IntervalSet.of(a, b);
            }
        }
    }
}
