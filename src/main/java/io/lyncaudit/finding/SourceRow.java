package io.lyncaudit.finding;

/** A row of a Microsoft reference table: file name, 1-based table index, 1-based body row index. */
public record SourceRow(String file, int table, int row) {

    @Override
    public String toString() {
        return file + " table " + table + " row " + row;
    }
}
