package io.lyncaudit.importer.sheet;

/** A cell value that cannot be used; the message says why, without the cell reference. */
final class CellException extends RuntimeException {
    CellException(String reason) {
        super(reason, null, false, false);
    }
}
