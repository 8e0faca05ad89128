/**
 * The XLSX report for auditors, streamed with POI's SXSSF, and {@link io.lyncaudit.report.xlsx.SafeCells},
 * which keeps text from the inputs from ever becoming a formula.
 *
 * <p>May depend on {@code io.lyncaudit.report}, {@code io.lyncaudit.finding} and POI; nothing here
 * calls {@code setCellFormula} or loosens POI's zip-bomb limits ({@code ZipSecureFile}).
 */
package io.lyncaudit.report.xlsx;
