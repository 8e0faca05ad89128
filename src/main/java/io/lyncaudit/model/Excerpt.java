package io.lyncaudit.model;

/**
 * How text that came from an input may appear in a message: cut to a short excerpt, and with
 * control, escape and bidi characters made visible ({@code \u001b}), so that a message can never
 * echo megabytes or drive the terminal it is printed on.
 */
public final class Excerpt {
    /** The most characters of one input value a message quotes. */
    public static final int MAX_QUOTED = 80;
    /** The longest message; anything beyond is cut (a message names a problem, it does not carry the input). */
    public static final int MAX_MESSAGE = 2000;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Excerpt() {}

    /** At most {@link #MAX_QUOTED} characters of {@code s}, made visible; a longer text ends in "… (N characters)". */
    public static String of(String s) {
        return visible(cut(s, MAX_QUOTED));
    }

    /** At most {@code max} code points of {@code s}; a longer text ends in "… (N characters)", N its whole length. */
    public static String cut(String s, int max) {
        if (s == null) return "null";
        if (s.length() <= max) return s;
        int n = s.codePointCount(0, s.length());
        return n <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "\u2026 (" + n + " characters)";
    }

    /**
     * The text with every control character (C0, DEL, C1), bidi control, line or paragraph
     * separator and lone surrogate written as {@code \}{@code uXXXX}; everything else as it is.
     */
    public static String visible(String s) {
        if (s == null) return "null";
        int n = s.length();
        int i = 0;
        while (i < n && !shown(s, i)) i++;
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (shown(s, i)) {
                b.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True for a char {@link #visible} writes as an escape. */
    private static boolean shown(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        if (c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029) {
            return true;
        }
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }

    /**
     * A message safe to print: every single-quoted part longer than {@link #MAX_QUOTED} cut to an
     * excerpt, control characters made visible, and the whole at most {@link #MAX_MESSAGE}
     * characters. Applied to every {@link BadInputException} and by the command line to every
     * message it prints, so no path echoes raw escapes or a huge value.
     */
    public static String message(String m) {
        if (m == null) return "null";
        String q = shortenQuoted(m);
        // cut before escaping, so that a huge message costs nothing more; the slack keeps a message
        // cut once from being cut again (messages pass here more than once)
        if (q.length() > MAX_MESSAGE + 40) q = q.substring(0, MAX_MESSAGE) + "\u2026 (" + q.length() + " characters)";
        return visible(q);
    }

    /**
     * Cuts the text between each pair of single quotes when it is longer than {@link #MAX_QUOTED}.
     * A quote right after a letter or digit is an apostrophe ("can't"), not an opening quote; a
     * closing quote is one followed by no letter or digit.
     */
    private static String shortenQuoted(String m) {
        if (m.length() <= MAX_QUOTED + 2 || m.indexOf('\'') < 0) return m;
        StringBuilder b = null;
        int done = 0, n = m.length();
        int open = nextQuote(m, 0, true);
        while (open >= 0) {
            int close = nextQuote(m, open + 1, false);
            if (close < 0) close = n;
            if (close - open - 1 > MAX_QUOTED && !alreadyCut(m, open + 1, close)) {
                if (b == null) b = new StringBuilder();
                b.append(m, done, open + 1).append(cut(m.substring(open + 1, close), MAX_QUOTED));
                done = close;
            }
            if (close >= n) break;
            open = nextQuote(m, close + 1, true);
        }
        if (b == null) return m;
        return b.append(m, done, n).toString();
    }

    /** True when {@code m[from, to)} is an excerpt already: at most {@link #MAX_QUOTED} code points, then "… (N characters)". */
    private static boolean alreadyCut(String m, int from, int to) {
        if (!m.startsWith(" characters)", to - " characters)".length())) return false;
        int mark = m.lastIndexOf("\u2026 (", to);
        return mark >= from && m.codePointCount(from, mark) <= MAX_QUOTED;
    }

    /** The next opening quote (not after a letter or digit) or closing quote (not before one) from {@code from}, or -1. */
    private static int nextQuote(String m, int from, boolean opening) {
        for (int i = m.indexOf('\'', from); i >= 0; i = m.indexOf('\'', i + 1)) {
            if (opening ? i == 0 || !Character.isLetterOrDigit(m.charAt(i - 1))
                    : i + 1 == m.length() || !Character.isLetterOrDigit(m.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }
}
