package io.lyncaudit.finding;

import java.util.Locale;

/** Finding severities in ascending order; the gate fails at or above a threshold. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses info, low, medium, high or critical, in any case. */
    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (info, low, medium, high, critical)");
        }
    }
}
