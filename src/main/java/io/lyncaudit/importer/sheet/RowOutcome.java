package io.lyncaudit.importer.sheet;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Rule;

/** What became of one spreadsheet row. */
sealed interface RowOutcome {

    /** A blank row: not content, counted nowhere but skipped. */
    record Blank() implements RowOutcome {}

    /** The row is a rule. */
    record Used(Rule rule) implements RowOutcome {}

    /** The row is not used, and why. */
    record Skipped(Diagnostic diagnostic) implements RowOutcome {}
}
