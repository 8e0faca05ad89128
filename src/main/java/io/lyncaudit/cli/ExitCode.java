package io.lyncaudit.cli;

/** The process exit codes, as PRODUCT.md defines them. */
public enum ExitCode {
    /** The gate passed (or the command succeeded). */
    PASS(0),
    /** The gate failed: unwaived findings at or above --fail-on, or unparsed lines with --fail-on-unparsed. */
    FAIL(1),
    /** Bad usage or bad input: a clear one-paragraph message naming the file and line, no stack trace. */
    BAD_INPUT(2),
    /** An internal error: a bug in lyncaudit. */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
