package io.lyncaudit.importer.sheet;

import io.lyncaudit.policy.Rule;

/** What became of one non-blank spreadsheet row. */
sealed interface RowOutcome {

    /** The row is a rule, read exactly. */
    record Used(Rule rule) implements RowOutcome {}

    /** The row is not a rule (a title, a repeated header, a disabled rule): ignored, and why. */
    record Ignored(String message) implements RowOutcome {}

    /**
     * The row is a rule some of whose cells name what the sheet does not define (an object name, an
     * unknown service, a formula without its value): it stays in its place as an uncertain rule that
     * matches what the readable cells surely give (often nothing) and may match what they allow.
     */
    record StandIn(Rule rule, String message) implements RowOutcome {}

    /**
     * The row has a value malformed as written (port 70000, a /33, an unknown action): not used, and
     * bad input for the audit.
     *
     * @param where  where the first such value is: "file:7" or "file [Sheet!C7]"
     * @param first  what is wrong with it, without the cell reference
     */
    record Invalid(String message, String where, String first) implements RowOutcome {}
}
