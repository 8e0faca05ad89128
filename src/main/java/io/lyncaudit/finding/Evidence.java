package io.lyncaudit.finding;

/**
 * A config line behind a finding and the part it plays: permits, denies, default (the policy's
 * default action), shadows.
 *
 * @param line 1-based line, or row for spreadsheets; 0 when implicit (a default with no line)
 * @param cell for spreadsheets, "Sheet!A5"; otherwise null
 */
public record Evidence(String file, int line, String text, String role, String cell) {
}
