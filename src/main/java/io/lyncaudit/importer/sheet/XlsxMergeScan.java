package io.lyncaudit.importer.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the merged regions of a worksheet's XML, which the XML lists after all the rows, by
 * scanning its bytes for {@code <mergeCell ref="..."/>} tags instead of parsing it: the first of
 * the two passes over a sheet then costs little more than unpacking it. Comments and CDATA sections
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
     * The {@code ref} of every {@code mergeCell} tag, in order ("B2:B5").
     *
     * @param max how many to return at most; one more is returned when there are more, so the caller can refuse
     */
    static List<String> refs(InputStream in, int max) throws IOException {
        List<String> out = new ArrayList<>();
        byte[] buf = new byte[1 << 16];
        byte[] tag = new byte[MAX_TAG];
        int len = 0, pos = 0;
        // state: 0 text, 1 in a tag (collecting), 2 skipping a tag, 3 comment, 4 CDATA
        int state = 0, t = 0, end = 0;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len < 0) return out;
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
                        String ref = mergeRef(tag, t);
                        if (ref != null) {
                            out.add(ref);
                            if (out.size() > max) return out;
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

    /** The ref of a tag (the bytes between '<' and '>') when it is a mergeCell start tag, else null. */
    private static String mergeRef(byte[] tag, int t) {
        int i = 0;
        while (i < t && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\r' && tag[i] != '\n' && tag[i] != '/') i++;
        int nameEnd = i, nameStart = 0;
        for (int k = 0; k < nameEnd; k++) if (tag[k] == ':') nameStart = k + 1;
        if (nameEnd - nameStart != NAME.length) return null;
        for (int k = 0; k < NAME.length; k++) if (tag[nameStart + k] != NAME[k]) return null;
        String attrs = new String(tag, nameEnd, t - nameEnd, StandardCharsets.UTF_8);
        int r = attrs.indexOf("ref=");
        while (r > 0 && !Character.isWhitespace(attrs.charAt(r - 1))) r = attrs.indexOf("ref=", r + 1);
        if (r < 0 || r + 5 > attrs.length()) return null;
        char q = attrs.charAt(r + 4);
        if (q != '"' && q != '\'') return null;
        int close = attrs.indexOf(q, r + 5);
        return close < 0 ? null : attrs.substring(r + 5, close);
    }
}
