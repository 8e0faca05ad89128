package io.lyncaudit.importer;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.Locale;
import java.util.Map;

/**
 * The port grammar the Cisco importers share: a port as a number or a name of the device's own
 * list, and the operators {@code eq lt gt neq range}. ASA and IOS differ only in their names and
 * in whether {@code eq}/{@code neq} take one port (ASA) or a list (IOS).
 */
public final class CiscoPorts {
    private static final IntervalSet PORTFUL = Protocols.TCP_UDP.union(IntervalSet.point(132));

    private final Map<String, Integer> names;
    private final boolean eqTakesAList;
    private final String nameWord;

    /**
     * @param names        the device's port names (lower case)
     * @param eqTakesAList true when {@code eq} and {@code neq} take several ports ({@code eq 80 443})
     * @param nameWord     what the device calls a port name in messages ("name", "keyword")
     */
    public CiscoPorts(Map<String, Integer> names, boolean eqTakesAList, String nameWord) {
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
