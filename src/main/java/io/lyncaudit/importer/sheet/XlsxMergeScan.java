package io.lyncaudit.importer.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the merged regions of a worksheet's XML, which the XML lists after all the rows, and its
 * last row number, by scanning its bytes for {@code <mergeCell ref="..."/>} and {@code <row r="...">}
 * tags instead of parsing it: the first of the two passes over a sheet then costs little more than
 * unpacking it, and a sheet beyond the row limit is refused before a row is read. Comments and CDATA sections
 * are skipped, so text cannot pose as a tag (in element text a '<' is always escaped). Only UTF-8
 * (and ASCII) XML is scanned this way; {@link #utf8} says whether a part is, and the caller parses
 * any other with SAX.
 */
final class XlsxMergeScan {
    private XlsxMergeScan() {}

    private static final byte[] NAME = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_TAG = 4096;

    /** True when the XML starts as UTF-8 or ASCII does (no UTF-16 byte order mark or zero bytes). */
    static boolean utf8(byte[] head, int n) {
        if (n >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) return false;
        for (int i = 0; i < n; i++) if (head[i] == 0) return false;
        return true;
    }

    /**
     * What the scan found.
     *
     * @param refs    the {@code ref} of every {@code mergeCell} tag, in order ("B2:B5"); one more than
     *                asked for when there are more, so the caller can refuse
     * @param lastRow the number of the last row tag seen; the first beyond {@code rowCap} when the scan stopped there
     */
    record Scan(List<String> refs, int lastRow) {}

    /** The merged regions and the last row number, stopping at the first row numbered beyond {@code rowCap}. */
    static Scan scan(InputStream in, int maxRefs, int rowCap) throws IOException {
        List<String> out = new ArrayList<>();
        int[] lastRow = {0};
        byte[] buf = new byte[1 << 16];
        byte[] tag = new byte[MAX_TAG];
        int len = 0, pos = 0;
        // state: 0 text, 1 in a tag (collecting), 2 skipping a tag, 3 comment, 4 CDATA
        int state = 0, t = 0, end = 0;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len < 0) return new Scan(out, lastRow[0]);
                continue;
            }
            byte b = buf[pos++];
            switch (state) {
                case 0 -> {
                    if (b == '<') {
                        state = 1;
                        t = 0;
                    }
                }
                case 1 -> {
                    if (b == '>') {
                        if (rowTag(tag, t, lastRow) && lastRow[0] > rowCap) return new Scan(out, lastRow[0]);
                        String ref = mergeRef(tag, t);
                        if (ref != null) {
                            out.add(ref);
                            if (out.size() > maxRefs) return new Scan(out, lastRow[0]);
                        }
                        state = 0;
                    } else if (t < MAX_TAG) {
                        tag[t++] = b;
                        if (t == 3 && tag[0] == '!' && tag[1] == '-' && tag[2] == '-') {
                            state = 3;
                            end = 0;
                        } else if (t == 8 && new String(tag, 0, 8, StandardCharsets.US_ASCII).equals("![CDATA[")) {
                            state = 4;
                            end = 0;
                        }
                    } else {
                        state = 2; // longer than any mergeCell tag: not one
                    }
                }
                case 2 -> {
                    if (b == '>') state = 0;
                }
                case 3 -> { // until "-->"
                    if (b == '-') end = Math.min(end + 1, 2);
                    else if (b == '>' && end == 2) state = 0;
                    else end = 0;
                }
                default -> { // CDATA, until "]]>"
                    if (b == ']') end = Math.min(end + 1, 2);
                    else if (b == '>' && end == 2) state = 0;
                    else end = 0;
                }
            }
        }
    }

    private static final byte[] ROW = "row".getBytes(StandardCharsets.US_ASCII);

    /** True for a row start tag, whose number (its r, else the one after the last) goes to {@code last[0]}. */
    private static boolean rowTag(byte[] tag, int t, int[] last) {
        int nameEnd = nameEnd(tag, t);
        if (!named(tag, nameEnd, ROW)) return false;
        String r = attribute(new String(tag, nameEnd, t - nameEnd, StandardCharsets.UTF_8), "r");
        int n = -1;
        if (r != null && !r.isEmpty() && r.length() <= 9 && r.chars().allMatch(Character::isDigit)) n = Integer.parseInt(r);
        last[0] = n > 0 ? n : last[0] + 1;
        return true;
    }

    private static int nameEnd(byte[] tag, int t) {
        int i = 0;
        while (i < t && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\r' && tag[i] != '\n' && tag[i] != '/') i++;
        return i;
    }

    /** True when the tag's name, without its namespace prefix, is {@code name}. */
    private static boolean named(byte[] tag, int nameEnd, byte[] name) {
        int nameStart = 0;
        for (int k = 0; k < nameEnd; k++) if (tag[k] == ':') nameStart = k + 1;
        if (nameEnd - nameStart != name.length) return false;
        for (int k = 0; k < name.length; k++) if (tag[nameStart + k] != name[k]) return false;
        return true;
    }

    /** The ref of a tag (the bytes between '<' and '>') when it is a mergeCell start tag, else null. */
    private static String mergeRef(byte[] tag, int t) {
        int nameEnd = nameEnd(tag, t);
        if (!named(tag, nameEnd, NAME)) return null;
        return attribute(new String(tag, nameEnd, t - nameEnd, StandardCharsets.UTF_8), "ref");
    }

    /** The value of attribute {@code name} in a tag's attribute text, or null. */
    private static String attribute(String attrs, String name) {
        String key = name + "=";
        int r = attrs.indexOf(key);
        while (r > 0 && !Character.isWhitespace(attrs.charAt(r - 1))) r = attrs.indexOf(key, r + 1);
        int v = r + key.length();
        if (r < 0 || v + 1 > attrs.length()) return null;
        char q = attrs.charAt(v);
        if (q != '"' && q != '\'') return null;
        int close = attrs.indexOf(q, v + 1);
        return close < 0 ? null : attrs.substring(v + 1, close);
    }
}
