package io.lyncaudit.policy;

/**
 * A line an importer could not use as a filtering rule, and why. Importers never drop a line
 * silently: each is USED, or one of these.
 */
public record Diagnostic(String file, int line, Category category, String text, String message) {

    /** Why a line was not used. */
    public enum Category {
        /** Understood, not about filtering (hostname, comments of the format, disabled rows). */
        IGNORED,
        /** About filtering, but not modelled; findings that depend on it may be uncertain. */
        UNSUPPORTED,
        /** Not understood at all. */
        UNRECOGNIZED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String severity() {
            return this == IGNORED ? "info" : "warning";
        }
    }
}
