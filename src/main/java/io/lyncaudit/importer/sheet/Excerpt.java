package io.lyncaudit.importer.sheet;

/**
 * Text from cells as messages and reports may show it: control, escape and bidi-override
 * characters made visible ({@code \u001b}, {@code \n}), and long cells cut to a short excerpt
 * that says how long the cell is, so a 50 MB cell or an ANSI escape never reaches a terminal or a
 * log as it was written.
 */
final class Excerpt {
    private Excerpt() {}

    /** A cell as a message quotes it: {@code 'text'}, or {@code 'first 80 characters… (N characters)'}. */
    static String quote(String cell) {
        // cut as every message cuts a quoted value (io.lyncaudit.model.Excerpt), so the message is not cut again
        return "'" + visible(io.lyncaudit.model.Excerpt.cut(cell, Limits.EXCERPT_CHARS), true) + "'";
    }

    /**
     * A row's text as a rule's source or a diagnostic shows it: visible, and at most
     * {@link Limits#ROW_TEXT_CHARS} characters followed by the length and a hash of the whole, so two
     * long rows that differ only at the end still read as different (diff compares these texts).
     */
    static String row(String text) {
        if (text.length() <= Limits.ROW_TEXT_CHARS) return visible(text, false);
        return visible(cut(text, Limits.ROW_TEXT_CHARS), false) + "\u2026 (" + Excerpt.count(text.length()) + " characters, #"
                + String.format(java.util.Locale.ROOT, "%016x", hash(text)) + ")";
    }

    /**
     * The text with every control character (C0 but, outside cells, tab; DEL; C1), bidi control and
     * line or paragraph separator written as an escape ({@code \n}, {@code \t}, {@code \u001b}).
     */
    static String visible(String s, boolean escapeTab) {
        int i = 0, n = s.length();
        while (i < n && !hidden(s.charAt(i), escapeTab)) i++;
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!hidden(c, escapeTab)) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean hidden(char c, boolean escapeTab) {
        if (c < 0x20) return c != '\t' || escapeTab;
        return (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** The first {@code max} characters, not splitting a surrogate pair. */
    private static String cut(String s, int max) {
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    /**
     * A message from the model's parsers ("'10.0.0.999…' is not an octet"): every quoted part longer
     * than an excerpt cut to one as every message is ({@link io.lyncaudit.model.Excerpt#message}),
     * visible, and at most four excerpts long: it becomes one cell's reason in a longer diagnostic.
     */
    static String message(String m) {
        if (m == null) return "";
        String out = visible(io.lyncaudit.model.Excerpt.message(m), true);
        return out.length() <= 4 * Limits.EXCERPT_CHARS ? out : out.substring(0, 4 * Limits.EXCERPT_CHARS) + "\u2026";
    }

    /** A count as messages write it: 1,000,000 (whatever the default locale). */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** FNV-1a, 64 bits: only to tell long texts apart, not for security. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
