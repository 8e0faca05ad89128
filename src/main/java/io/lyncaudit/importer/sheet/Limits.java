package io.lyncaudit.importer.sheet;

/**
 * Every limit the spreadsheet importers enforce, so a hostile or accidental file is refused with a
 * clear message (bad input, exit 2) instead of running out of memory or time. The reasons are in
 * docs/importer-spreadsheet.md; a test checks that the page lists each of these numbers.
 */
final class Limits {
    private Limits() {}

    /**
     * Rows of one file: every row of every sheet of a workbook, or every line of a CSV. A file at the
     * limit imports in a 512 MB heap (measured: 500,000 rules in 384 MB), the default on a 2 GB
     * machine; it is twice the 250,000-row sheet the importer is timed on.
     */
    static final int MAX_ROWS = 500_000;

    /** Characters of one cell: Excel's own limit, so no cell Excel wrote is refused. */
    static final int MAX_CELL_CHARS = 32_767;

    /** Columns read per row; rule tables are narrow, and a stray cell at XFD1 must not cost 16,384 cells a row. */
    static final int MAX_COLUMNS = 256;

    /** Cells a row of sheet XML may hold: as many as a sheet has columns (A to XFD). */
    static final int MAX_CELLS_PER_ROW = 16_384;

    /** Bytes of a CSV file: it is decoded into memory whole, so it must stay far below the heap. */
    static final long MAX_CSV_BYTES = 256L << 20;

    /**
     * Characters of one physical line of a CSV file: 32 cells at Excel's own cell limit. Commons CSV
     * reads a line in linear time, so this bounds memory, not time; a long cell within it is refused
     * by {@link #MAX_CELL_CHARS} with a message naming the cell.
     */
    static final int MAX_CSV_LINE_CHARS = 1 << 20;

    /** Bytes of a legacy .xls workbook, which POI can only read whole (the format ends at 65,536 rows). */
    static final long MAX_XLS_BYTES = 64L << 20;

    /** Uncompressed bytes of one sheet's XML: a sheet at the row limit with seven columns of inline strings is about 215 MB. */
    static final long MAX_SHEET_XML_BYTES = 1L << 30;

    /** Uncompressed bytes of all the sheets of a workbook together: bounds the time a workbook of many large sheets takes. */
    static final long MAX_WORKBOOK_XML_BYTES = 2L << 30;

    /** Uncompressed bytes of a workbook's shared strings, which are held in memory while its sheets are read. */
    static final long MAX_SHARED_STRINGS_BYTES = 256L << 20;

    /** Merged cell regions of one sheet, which are held in memory while it is read. */
    static final int MAX_MERGED_REGIONS = 100_000;

    /** Characters of a cell quoted in a message; the rest is counted, not shown. */
    static final int EXCERPT_CHARS = io.lyncaudit.model.Excerpt.MAX_QUOTED;

    /** Characters of a row's text kept as its source text (reports, diff); a longer row keeps a hash of the rest. */
    static final int ROW_TEXT_CHARS = 240;
}
