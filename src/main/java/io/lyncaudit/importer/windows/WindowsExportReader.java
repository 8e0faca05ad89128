package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage one: reads the three shapes of a Windows export into {@link RawBlock}s. CSV
 * ({@code Export-Csv} of the rules joined with their filters, {@code ,} {@code ;} or tab); {@code Format-List}
 * text ({@code Key : value} records separated by blank lines, long values wrapped onto indented lines);
 * netsh verbose text ({@code Rule Name:} starting each rule, a dashed underline, {@code Key: value} lines,
 * {@code Ok.} at the end). Lines that are none of these become diagnostics in the {@link LineLedger};
 * the lines of rules (and the header's columns) get their verdicts from the conversions, through
 * {@link WindowsProperties}.
 */
final class WindowsExportReader {
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z][A-Za-z0-9_ ]{0,60}?)\\s*:(.*)$");
    private static final Pattern DASHES = Pattern.compile("^\\s*-{3,}[\\s-]*$");
    private static final Set<String> NETSH_NOISE = Set.of("ok.", "no rules match the specified criteria.");

    /** What the text looks like. */
    enum Shape { CSV, LIST, NETSH }

    /**
     * The blocks of one export; for a CSV, the header row's line and its column names (else 0 and
     * an empty list).
     */
    record RawExport(Shape shape, List<RawBlock> blocks, int headerLine, List<String> header) {}

    private WindowsExportReader() {}

    /** The shape of the text, or null when it is none of the three (or lacks every one of {@code markers}). */
    static Shape shape(List<String> lines, Set<String> markers) {
        boolean ruleName = false;
        int listMarkers = 0;
        for (String raw : lines) {
            String l = strip(raw);
            if (l.isBlank() || l.startsWith("#TYPE") || l.startsWith("#")) continue;
            if (ruleName == false && listMarkers == 0 && looksLikeCsvHeader(l, markers)) return Shape.CSV;
            Matcher m = KEY_VALUE.matcher(l);
            if (!m.matches()) continue;
            String k = RawBlock.norm(m.group(1));
            if (k.equals("rulename")) ruleName = true;
            else if (markers.contains(k)) listMarkers++;
            if (listMarkers > 0 && ruleName) return Shape.NETSH;
        }
        if (listMarkers > 0 && !ruleName) return Shape.LIST;
        return null;
    }

    private static boolean looksLikeCsvHeader(String l, Set<String> markers) {
        char sep = separator(l);
        if (sep == 0) return false;
        List<String> cells = splitSimple(l, sep);
        int hits = 0;
        boolean direction = false;
        for (String c : cells) {
            String n = RawBlock.norm(c);
            if (markers.contains(n)) hits++;
            if (n.equals("displayname") || n.equals("name") || n.equals("rulename")) direction = true;
        }
        return hits >= 2 && direction;
    }

    /** Every property name (normalised) the text uses: the CSV header, or the keys of its key-value lines. */
    static Set<String> keys(List<String> lines, Shape shape) {
        Set<String> out = new java.util.HashSet<>();
        for (String raw : lines) {
            String l = strip(raw);
            if (l.isBlank() || l.startsWith("#")) continue;
            if (shape == Shape.CSV) {
                for (String c : splitSimple(l, separator(l))) out.add(RawBlock.norm(c));
                return out;
            }
            Matcher m = KEY_VALUE.matcher(l);
            if (m.matches()) out.add(RawBlock.norm(m.group(1)));
        }
        return out;
    }

    static RawExport read(List<String> lines, Shape shape, LineLedger ledger) throws BadInputException {
        if (shape != Shape.CSV) return new RawExport(shape, blocks(lines, ledger), 0, List.of());
        List<String> header = new ArrayList<>();
        int[] headerLine = {0};
        List<RawBlock> rows = csv(lines, ledger, header, headerLine);
        return new RawExport(shape, rows, headerLine[0], List.copyOf(header));
    }

    private static String strip(String l) {
        return l.startsWith("\uFEFF") ? l.substring(1) : l;
    }

    private static String clip(String l) {
        return LineLedger.clip(l);
    }

    private static List<RawBlock> blocks(List<String> lines, LineLedger ledger) {
        List<RawBlock> out = new ArrayList<>();
        RawBlock.Builder cur = null;
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String l = strip(lines.get(i));
            if (l.isBlank()) {
                if (cur != null) out.add(cur.build());
                cur = null;
                continue;
            }
            if (l.length() > WindowsText.MAX_LINE) {
                ledger.unrecognized(n, "line of " + l.length() + " characters; not read");
                continue;
            }
            String t = l.trim();
            if (DASHES.matcher(l).matches()) {
                ledger.ignored(n, "separator line");
                continue;
            }
            if (NETSH_NOISE.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                ledger.ignored(n, "netsh status line");
                continue;
            }
            Matcher m = KEY_VALUE.matcher(l);
            if (m.matches()) {
                String key = m.group(1);
                String nk = RawBlock.norm(key);
                if (cur != null && (nk.equals("rulename") || cur.has(nk))) {
                    // a new rule without a blank line before it
                    out.add(cur.build());
                    cur = null;
                }
                if (cur == null) cur = new RawBlock.Builder(n, t);
                cur.put(key, m.group(2).trim(), n, t);
                continue;
            }
            if (Character.isWhitespace(l.charAt(0)) && cur != null && cur.append(t, n)) continue;
            ledger.unrecognized(n, "not a 'Name : value' line of a rule");
        }
        if (cur != null) out.add(cur.build());
        return out;
    }

    private static char separator(String header) {
        int comma = 0, semi = 0, tab = 0;
        boolean q = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') q = !q;
            else if (!q && c == ',') comma++;
            else if (!q && c == ';') semi++;
            else if (!q && c == '\t') tab++;
        }
        if (comma == 0 && semi == 0 && tab == 0) return 0;
        return comma >= semi && comma >= tab ? ',' : semi >= tab ? ';' : '\t';
    }

    private static List<String> splitSimple(String l, char sep) {
        List<String> cells = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '"') {
                if (q && i + 1 < l.length() && l.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else {
                    q = !q;
                }
            } else if (c == sep && !q) {
                cells.add(b.toString().trim());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        cells.add(b.toString().trim());
        return cells;
    }

    /** The rows of a CSV; fills {@code columns} with the header's cells and {@code headerAt[0]} with its line. */
    private static List<RawBlock> csv(List<String> lines, LineLedger ledger, List<String> columns, int[] headerAt)
            throws BadInputException {
        List<RawBlock> out = new ArrayList<>();
        List<String> header = null;
        String headerLine = null;
        char sep = ',';
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String l = strip(lines.get(i));
            if (l.isBlank()) continue;
            if (l.length() > WindowsText.MAX_LINE) {
                ledger.unrecognized(n, "line of " + l.length() + " characters; not read");
                continue;
            }
            if (header == null) {
                if (l.startsWith("#")) {
                    ledger.ignored(n, "Export-Csv type line");
                    continue;
                }
                sep = separator(l);
                header = splitSimple(l, sep);
                headerLine = l;
                columns.addAll(header);
                headerAt[0] = n;
                ledger.ignored(n, "header row"); // its columns are diagnosed by the conversion
                continue;
            }
            // a quoted cell may span lines (descriptions with line breaks)
            StringBuilder rec = new StringBuilder(l);
            List<Integer> recLines = new ArrayList<>(List.of(n));
            while (quotesOpen(rec) && i + 1 < lines.size() && rec.length() < WindowsText.MAX_LINE) {
                i++;
                rec.append('\n').append(lines.get(i));
                if (!lines.get(i).isBlank()) recLines.add(i + 1);
            }
            String text = rec.toString();
            if (text.equals(headerLine)) {
                ledger.ignored(n, "repeated header row");
                continue;
            }
            if (quotesOpen(rec)) {
                WindowsProperties.whole(ledger, recLines, LineLedger.Verdict.UNRECOGNIZED, "unterminated quoted cell (truncated file?)");
                continue;
            }
            List<String> cells = splitSimple(text, sep);
            if (cells.size() != header.size()) {
                WindowsProperties.whole(ledger, recLines, LineLedger.Verdict.UNRECOGNIZED,
                        "row has " + cells.size() + " cells, the header " + header.size());
                continue;
            }
            RawBlock.Builder b = new RawBlock.Builder(n, clip(text.replace('\n', ' ')));
            for (int c = 0; c < cells.size(); c++) {
                if (!header.get(c).isEmpty()) b.put(header.get(c), cells.get(c), n, b.text);
            }
            out.add(b.buildRow(recLines));
        }
        return out;
    }

    private static boolean quotesOpen(CharSequence s) {
        boolean q = false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '"') q = !q;
        return q;
    }
}
