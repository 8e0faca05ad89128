/**
 * Renders the {@link io.lyncaudit.report.Report} model, the immutable result of one audit, into the
 * report formats, and writes report files atomically.
 *
 * <p>Renderers see the {@code Report} and nothing else. This package may depend on
 * {@code io.lyncaudit.finding}, Jackson, commons-csv (for CSV tables) and the JDK's StAX writer (JUnit XML)
 * only, never on POI: the
 * XLSX renderer lives in {@code report.xlsx}, and {@link io.lyncaudit.report.ReportFormat} names it
 * by class name so that no dependency (and no package cycle) runs from here to there.
 * {@code ReportArchitectureTest} keeps this true.
 */
package io.lyncaudit.report;
