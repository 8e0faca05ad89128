package io.lyncaudit.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns one {@link Report} into one output format; renderers see the report and nothing else.
 *
 * <p>Contract: {@link #render} writes the whole report to {@code out}, flushes it and does not close
 * it, because the caller owns the stream (stdout, or the temp file of {@link AtomicReportWriter}).
 * Rendering the same report twice yields the same content.
 */
public interface ReportRenderer {

    /** The format name used on the command line ({@code --format}), in lower case. */
    String format();

    /** The file extension without a dot, used for {@code DIR/lyncaudit.<ext>}. */
    String extension();

    /** True when the output is not text and must never be written to a terminal. */
    boolean binary();

    /** Writes the report to {@code out}, flushes, and leaves {@code out} open. */
    void render(Report report, OutputStream out) throws IOException;
}
