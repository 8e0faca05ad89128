package io.lyncaudit.report.xlsx;

import java.util.function.Function;

/**
 * One column of a sheet table: header, width in characters, how to get the value from a row
 * object, and whether long text wraps.
 *
 * @param value returns a String, a Number, a Boolean or null (blank)
 */
record Column<T>(String header, int width, Function<T, Object> value, boolean wrap) {

    static <T> Column<T> of(String header, int width, Function<T, Object> value) {
        return new Column<>(header, width, value, false);
    }

    static <T> Column<T> wrapped(String header, int width, Function<T, Object> value) {
        return new Column<>(header, width, value, true);
    }
}
