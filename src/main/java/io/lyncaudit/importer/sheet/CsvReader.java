package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV rule table (UTF-8, with or without BOM; ',', ';' or tab delimited) into raw rows. */
final class CsvReader {
    private CsvReader() {}

    static final char[] DELIMITERS = {',', ';', '\t'};

    static RawTable read(byte[] bytes, String file, String policyName) throws BadInputException {
        return read(bytes, file, policyName, rows -> Header.find(rows) != null, Column.expected());
    }

    /**
     * Reads a CSV table whose header row {@code hasHeader} recognises among the first rows (the IPsec
     * rule sheets have other headers than firewall rule sheets).
     *
     * @param expected the header spellings looked for, for the "no header" message
     */
    static RawTable read(byte[] bytes, String file, String policyName, Predicate<List<RawRow>> hasHeader, String expected)
            throws BadInputException {
        String text = decode(bytes, file);
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

    /** Strict UTF-8, BOM removed; a binary file is refused here rather than read as garbage. */
    static String decode(byte[] bytes, String file) throws BadInputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, 0, "not a spreadsheet: neither an XLSX workbook nor UTF-8 CSV text");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException(file, 0, "not a spreadsheet: binary content, neither an XLSX workbook nor CSV text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
