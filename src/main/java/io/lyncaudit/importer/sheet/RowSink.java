package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.BadInputException;

/** Receives the tables of a file and their rows in order, as the readers stream them. */
interface RowSink {

    /** A table (a sheet, or the CSV file) starts. */
    void start(Table table) throws BadInputException;

    /** The next row of the current table; rows come in order, and blank or absent rows may be left out. */
    void row(RawRow row) throws BadInputException;

    /** The current table ends. */
    void end() throws BadInputException;
}
