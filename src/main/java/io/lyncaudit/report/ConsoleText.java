package io.lyncaudit.report;

import java.util.ArrayList;
import java.util.List;

/** Text helpers for terminal output: neutralise control characters, truncate and pad by code points. */
final class ConsoleText {
    /** Marks a truncated cell. */
    static final String ELLIPSIS = "\u2026";

    private ConsoleText() {}

    /**
     * One line of terminal-safe text: null becomes "-", line breaks (the Unicode line and paragraph
     * separators too) and tabs become spaces, and
     * other control or bidi-override characters become '?', because config lines are untrusted
     * and could otherwise move the cursor, recolour the terminal or reorder what is shown.
     */
    static String clean(String s) {
        if (s == null) return "-";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) b.append(' ');
            else if (Character.isISOControl(cp) || isBidiControl(cp)) b.append('?');
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    /** At most {@code max} code points; a cut string ends in the ellipsis. */
    static String fit(String s, int max) {
        if (max <= 0) return "";
        if (width(s) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }

    /**
     * Splits text into lines of at most {@code max} code points, at spaces where it can and inside
     * a word only when the word alone is too long.
     */
    static List<String> wrap(String s, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" +")) {
            while (width(word) > max) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, max);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (word.isEmpty()) continue;
            if (line.length() > 0 && width(line.toString()) + 1 + width(word) > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** Truncated or space-padded to exactly {@code w} code points. */
    static String pad(String s, int w, boolean right) {
        String f = fit(s, w);
        String fill = " ".repeat(w - width(f));
        return right ? fill + f : f + fill;
    }
}
