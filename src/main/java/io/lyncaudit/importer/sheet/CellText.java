package io.lyncaudit.importer.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits multi-value cells into tokens. Service cells need care: "50,000-59,999" is one range
 * (thousands separators, as the Microsoft docs write it) while "443, 5061" is two ports.
 */
final class CellText {
    private CellText() {}

    private static final Pattern PARENS = Pattern.compile("\\([^)]*\\)");
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");
    private static final Pattern JOINERS = Pattern.compile("\\s*([-/:_])\\s*");
    private static final Pattern LIST = Pattern.compile("[,;\\s]+");
    private static final Pattern PROTOCOL_LIST = Pattern.compile("[,;/+&\\s]+");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s*-\\s*");
    private static final Pattern SPACED_SLASH = Pattern.compile("\\s*/\\s*");

    /** True for a cell that is one plain token (the common case): no regex work is needed for it. */
    private static boolean plainToken(String cell) {
        if (cell.isEmpty()) return false;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                    || ch == '.' || ch == ':' || ch == '/' || ch == '-' || ch == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Tokens of an address or zone cell: separated by ',', ';', newlines or spaces; "a - b" stays one range. */
    static List<String> listTokens(String cell) {
        if (plainToken(cell)) return List.of(cell);
        String t = DASHES.matcher(PARENS.matcher(cell).replaceAll(" ")).replaceAll("-");
        t = SPACED_DASH.matcher(t).replaceAll("-");
        t = SPACED_SLASH.matcher(t).replaceAll("/");
        return split(LIST, t);
    }

    /** Tokens of a protocol cell: "TCP/UDP", "TCP, UDP", "TCP+UDP" are two tokens. */
    static List<String> protocolTokens(String cell) {
        List<String> out = new ArrayList<>();
        for (String t : split(PROTOCOL_LIST, cell.toLowerCase(Locale.ROOT))) {
            if (!t.equals("and")) out.add(t);
        }
        return out;
    }

    /**
     * Tokens of a service or port cell, as written, with thousands separators removed and
     * "TCP / 443" or "50000 - 59999" joined into one token. Throws when a comma is ambiguous.
     */
    static List<String> serviceTokens(String cell) {
        if (plainToken(cell)) return List.of(cell);
        String t = DASHES.matcher(PARENS.matcher(cell).replaceAll(" ")).replaceAll("-");
        t = JOINERS.matcher(t).replaceAll("$1");
        return split(LIST, removeThousandsSeparators(t));
    }

    /**
     * Removes commas that are thousands separators. A comma between digits with exactly three
     * digits after it is one when the result is a port (at most 65535) and: the group before it has
     * one digit ("5,061"), the group after it starts with 0 ("50,000"), or the number is an end of
     * a range ("50,000-59,999"). "80,443" (over 65535) and "135,445" (three digits before) are
     * lists. "53,123" could be either, so it is refused rather than guessed.
     */
    static String removeThousandsSeparators(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != ',' || !isThousandsCandidate(s, i)) {
                out.append(c);
                continue;
            }
            int l = i;
            while (l > 0 && Character.isDigit(s.charAt(l - 1))) l--;
            String left = s.substring(l, i);
            String right = s.substring(i + 1, i + 4);
            long value = Long.parseLong(left) * 1000 + Long.parseLong(right);
            if (left.length() >= 3 || value > 65535) {
                out.append(c);
                continue;
            }
            boolean rangeEnd = (l > 0 && s.charAt(l - 1) == '-') || (i + 4 < n && s.charAt(i + 4) == '-');
            if (left.length() == 1 || right.charAt(0) == '0' || rangeEnd) {
                continue; // drop the separator
            }
            throw new CellException("'" + left + "," + right + "' is ambiguous: write '" + left + ", " + right
                    + "' for two ports or '" + value + "' for one");
        }
        return out.toString();
    }

    /** A digit before the comma, exactly three digits after it, and no fourth digit. */
    private static boolean isThousandsCandidate(String s, int i) {
        int n = s.length();
        if (i == 0 || i + 3 >= n || !Character.isDigit(s.charAt(i - 1))) return false;
        for (int k = 1; k <= 3; k++) {
            if (!Character.isDigit(s.charAt(i + k))) return false;
        }
        return i + 4 >= n || !Character.isDigit(s.charAt(i + 4));
    }

    private static List<String> split(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        for (String t : p.split(s.strip())) {
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
