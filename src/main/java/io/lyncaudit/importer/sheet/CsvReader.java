package io.lyncaudit.importer.sheet;

import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV rule table (',', ';' or tab delimited) into raw rows. The text is decoded by the
 * shared rule of {@code io.InputText}: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 (what
 * Excel writes on a western Windows), or the declared encoding.
 */
final class CsvReader {
    private CsvReader() {}

    static final char[] DELIMITERS = {',', ';', '\t'};

    static RawTable read(byte[] bytes, String file, String policyName) throws BadInputException {
        return read(bytes, file, policyName, null);
    }

    /** A rule table in {@code encoding} (null: detected). */
    static RawTable read(byte[] bytes, String file, String policyName, String encoding) throws BadInputException {
        return read(bytes, file, policyName, rows -> Header.find(rows) != null, Column.expected(), encoding);
    }

    /**
     * Reads a CSV table whose header row {@code hasHeader} recognises among the first rows (the IPsec
     * rule sheets have other headers than firewall rule sheets).
     *
     * @param expected the header spellings looked for, for the "no header" message
     */
    static RawTable read(byte[] bytes, String file, String policyName, Predicate<List<RawRow>> hasHeader, String expected)
            throws BadInputException {
        return read(bytes, file, policyName, hasHeader, expected, null);
    }

    /** As {@link #read(byte[], String, String, Predicate, String)}, in {@code encoding} (null: detected). */
    static RawTable read(byte[] bytes, String file, String policyName, Predicate<List<RawRow>> hasHeader, String expected,
                         String encoding) throws BadInputException {
        String text = decode(bytes, file, encoding);
        if (text.isBlank()) throw new BadInputException(file, 0, "the file is empty: no rows to import");
        Character delimiter = null;
        for (char d : DELIMITERS) {
            // the header has to be among the first rows, so a cheap look at them picks the delimiter
            if (hasHeader.test(parseLenient(text, d, Header.SEARCH_ROWS))) {
                delimiter = d;
                break;
            }
        }
        if (delimiter == null) {
            throw new BadInputException(file, 0, "no recognisable header row in the first " + Header.SEARCH_ROWS
                    + " lines (tried ',', ';' and tab as delimiters); expected " + expected);
        }
        return new RawTable(null, policyName, parse(text, delimiter, file));
    }

    /** The longest physical line of a CSV file: a row with long comments is a few KiB. */
    static final int MAX_LINE = 64 * 1024;
    /** Larger CSV files are refused before they are read (a 50,000-rule sheet is a few MiB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** The text of a CSV file, decoded by the shared rule (detected), a binary file refused rather than read as garbage. */
    static String decode(byte[] bytes, String file) throws BadInputException {
        return decode(bytes, file, null);
    }

    /**
     * The text of a CSV file in {@code encoding} (null: detected by the shared rule), BOM removed; a
     * binary file, or one with a line longer than {@link #MAX_LINE}, is refused before the CSV parser sees it.
     */
    static String decode(byte[] bytes, String file, String encoding) throws BadInputException {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file, 0, "the file is " + bytes.length + " bytes; a CSV rule table is read up to "
                    + (MAX_BYTES >> 20) + " MiB (a limit against hostile input)");
        }
        String text;
        try {
            text = InputText.decode(bytes, file, encoding).text();
        } catch (BadInputException e) {
            if (!e.getMessage().contains("binary content")) throw e;
            throw new BadInputException(e.file(), e.where(), "not a spreadsheet: binary content, neither an XLSX workbook nor CSV text", null);
        }
        InputText.requireLineLength(text, file, MAX_LINE, "a CSV rule table");
        return text;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    }

    private static List<RawRow> parse(String text, char delimiter, String file) throws BadInputException {
        int[] lineStarts = lineStarts(text);
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(text, format(delimiter))) {
            try {
                for (CSVRecord r : p) records.add(r);
            } catch (UncheckedIOException e) {
                throw new BadInputException(file, (int) p.getCurrentLineNumber(), "malformed CSV: " + e.getCause().getMessage());
            }
        } catch (IOException e) {
            throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
        }
        List<RawRow> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            // a record's position points before any blank lines the parser skipped
            int start = skipLineBreaks(text, (int) records.get(i).getCharacterPosition());
            int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
            String raw = text.substring(start, Math.max(start, end)).stripTrailing();
            rows.add(new RawRow(lineOf(lineStarts, start), records.get(i).toList(), raw));
        }
        return rows;
    }

    /** The first rows, for header and delimiter detection; a parse error just ends the look. */
    static List<RawRow> parseLenient(String text, char delimiter, int maxRows) {
        List<RawRow> rows = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        try (CSVParser p = CSVParser.parse(text, format(delimiter))) {
            for (CSVRecord r : p) {
                int start = skipLineBreaks(text, (int) r.getCharacterPosition());
                int line = lineOf(lineStarts, start);
                if (line > maxRows) break;
                rows.add(new RawRow(line, r.toList(), null));
            }
        } catch (IOException | UncheckedIOException e) {
            // keep the rows read so far
        }
        return rows;
    }

    private static int skipLineBreaks(String text, int pos) {
        while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) pos++;
        return pos;
    }

    /** Start offsets of every line; "\r\n", "\n" and a lone "\r" all end a line. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo + 1;
    }
}
