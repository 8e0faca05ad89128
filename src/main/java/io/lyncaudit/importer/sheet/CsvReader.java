package io.lyncaudit.importer.sheet;

import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV rule table (',', ';' or tab delimited; the text decoded by the shared rule of
 * {@code io.InputText}: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 as Excel writes it
 * on a western Windows, or the declared encoding) and streams its
 * records as raw rows. A record is one row, numbered by the line it starts on; a quoted line break
 * makes it span lines. The file is decoded whole (it is at most {@link Limits#MAX_CSV_BYTES}); the
 * records are not collected.
 */
final class CsvReader {
    private CsvReader() {}

    static final char[] DELIMITERS = {',', ';', '\t'};

    /**
     * Streams the table to {@code sink} once a delimiter makes one of its first rows a header.
     *
     * @param isHeader recognises a header row (the IPsec sheets have other headers than firewall rule sheets)
     * @param expected the header spellings looked for, for the "no header" message
     * @param encoding   the text's encoding, or null to detect it
     */
    static void read(byte[] bytes, String file, String tableName, Predicate<RawRow> isHeader, String expected, RowSink sink,
                     String encoding) throws BadInputException {
        String text = decode(bytes, file, encoding);
        if (text.isBlank()) throw new BadInputException(file, 0, "the file is empty: no rows to import");
        if (lastLine(text) > Limits.MAX_ROWS) throw tooManyLines(file);
        Character delimiter = null;
        for (char d : DELIMITERS) {
            // the header has to be among the first rows, so a cheap look at them picks the delimiter
            if (anyRow(text, d, Header.SEARCH_ROWS, isHeader)) {
                delimiter = d;
                break;
            }
        }
        if (delimiter == null) {
            throw new BadInputException(file, 0, "no recognisable header row in the first " + Header.SEARCH_ROWS
                    + " lines (tried ',', ';' and tab as delimiters); expected " + expected);
        }
        sink.start(new Table(null, tableName));
        stream(text, delimiter, file, sink);
        sink.end();
    }


    /**
     * The text of a CSV file in {@code encoding} (null: detected by the shared rule), BOM removed (its
     * size is checked by {@link SheetFiles} before it is read); a binary file, or one with a line longer than {@link Limits#MAX_CSV_LINE_CHARS}, is refused before the CSV parser sees it.
     */
    static String decode(byte[] bytes, String file, String encoding) throws BadInputException {
        String text;
        try {
            text = InputText.decode(bytes, file, encoding).text();
        } catch (BadInputException e) {
            if (!e.getMessage().contains("binary content")) throw e;
            throw new BadInputException(e.file(), e.where(), "not a spreadsheet: binary content, neither an XLSX workbook nor CSV text", null);
        }
        InputText.requireLineLength(text, file, Limits.MAX_CSV_LINE_CHARS, "a CSV rule table");
        return text;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    }

    /** Streams every record to the sink, with its first and last line and raw text. */
    private static void stream(String text, char delimiter, String file, RowSink sink) throws BadInputException {
        Lines lines = new Lines(text);
        try (CSVParser p = CSVParser.parse(text, format(delimiter))) {
            Iterator<CSVRecord> it = p.iterator();
            CSVRecord prev = null;
            int prevStart = 0, prevLine = 0;
            while (true) {
                CSVRecord r;
                try {
                    r = it.hasNext() ? it.next() : null;
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    throw new BadInputException(file, (int) p.getCurrentLineNumber(), "malformed CSV: " + Excerpt.visible(String.valueOf(cause.getMessage()), true));
                }
                // a record's position points before any blank lines the parser skipped
                int end = r == null ? text.length() : (int) r.getCharacterPosition();
                if (prev != null) {
                    String raw = text.substring(prevStart, Math.max(prevStart, end)).stripTrailing();
                    int last = raw.isEmpty() ? prevLine : lines.lineAt(prevStart + raw.length() - 1);
                    sink.row(new RawRow(prevLine, last, cells(prev, file, prevLine), raw, null));
                }
                if (r == null) break;
                int start = skipLineBreaks(text, end);
                int line = lines.lineAt(start);
                if (line > Limits.MAX_ROWS) throw tooManyLines(file);
                prev = r;
                prevStart = start;
                prevLine = line;
            }
        } catch (IOException e) {
            throw new BadInputException(file, 0, "cannot read: " + Excerpt.message(e.getMessage()));
        }
    }

    private static BadInputException tooManyLines(String file) {
        return new BadInputException(file, Limits.MAX_ROWS + 1, "more than " + Excerpt.count(Limits.MAX_ROWS)
                + " lines, the most a spreadsheet import reads (docs/importer-spreadsheet.md); split the file");
    }

    /** The number of the last line that holds more than white space: the rows to read, counted before any is. */
    private static int lastLine(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        return new Lines(text).lineAt(end);
    }

    /** The record's cells up to {@link Limits#MAX_COLUMNS}; a cell beyond {@link Limits#MAX_CELL_CHARS} refuses the file. */
    private static String[] cells(CSVRecord r, String file, int line) throws BadInputException {
        int n = Math.min(r.size(), Limits.MAX_COLUMNS);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            String v = r.get(i);
            if (v.length() > Limits.MAX_CELL_CHARS) {
                throw new BadInputException(file, line, "cell " + new Table(null, "").ref(i, line) + " holds " + Excerpt.count(v.length())
                        + " characters, more than " + Excerpt.count(Limits.MAX_CELL_CHARS) + " (Excel's own limit for a cell): "
                        + Excerpt.quote(v));
            }
            out[i] = v;
        }
        return out;
    }

    /** True when {@code isHeader} accepts one of the records on the first {@code maxRows} lines; a parse error just ends the look. */
    static boolean anyRow(String text, char delimiter, int maxRows, Predicate<RawRow> isHeader) {
        Lines lines = new Lines(text);
        try (CSVParser p = CSVParser.parse(text, format(delimiter))) {
            for (CSVRecord r : p) {
                int line = lines.lineAt(skipLineBreaks(text, (int) r.getCharacterPosition()));
                if (line > maxRows) break;
                int n = Math.min(r.size(), Limits.MAX_COLUMNS);
                String[] cells = new String[n];
                for (int i = 0; i < n; i++) cells[i] = r.get(i);
                if (isHeader.test(new RawRow(line, cells, null))) return true;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the rows read so far decide
        }
        return false;
    }

    private static int skipLineBreaks(String text, int pos) {
        while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) pos++;
        return pos;
    }

    /** Line numbers of offsets asked in increasing order; "\r\n", "\n" and a lone "\r" all end a line. */
    private static final class Lines {
        private final String text;
        private int pos;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int lineAt(int offset) {
            int n = text.length();
            for (; pos < offset && pos < n; pos++) {
                char c = text.charAt(pos);
                if (c == '\n' || (c == '\r' && (pos + 1 == n || text.charAt(pos + 1) != '\n'))) line++;
            }
            return line;
        }
    }
}
