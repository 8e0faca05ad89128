package io.lyncaudit.report;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The closed registry of report formats: each constant names one format and makes its renderer.
 *
 * <p>To add a format, add a constant here; {@code ReportFormatTest} fails until every
 * {@link ReportRenderer} implementation is registered and every constant's renderer agrees with
 * its name.
 */
public enum ReportFormat {
    CONSOLE(() -> new ConsoleReportRenderer()),
    JSON(JsonReportRenderer::new),
    // By class name, not by reference: this package must not depend on report.xlsx (which sees
    // POI), or the two packages would form a cycle. ReportFormatTest proves the name resolves.
    XLSX(() -> byClassName("io.lyncaudit.report.xlsx.XlsxReportRenderer")),
    SARIF(SarifReportRenderer::new),
    JUNIT(JunitReportRenderer::new),
    MD(MarkdownReportRenderer::new);

    private final Supplier<ReportRenderer> factory;

    ReportFormat(Supplier<ReportRenderer> factory) {
        this.factory = factory;
    }

    /** The name used on the command line: the constant in lower case. */
    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A new renderer with default settings (the console renderer: no colours, 120 columns). */
    public ReportRenderer renderer() {
        return factory.get();
    }

    /** Parses a format name in any case; the message lists the known names. */
    public static ReportFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.formatName().equals(n)) return f;
        }
        throw new IllegalArgumentException("unknown report format '" + name + "' (" + names() + ")");
    }

    /** Every format name, comma-separated, in declaration order. */
    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::formatName).collect(Collectors.joining(", "));
    }

    private static ReportRenderer byClassName(String className) {
        try {
            return Class.forName(className).asSubclass(ReportRenderer.class).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("renderer " + className + " cannot be created", e);
        }
    }
}
