package io.lyncaudit.finding;

/**
 * The waiver that accepted a finding, as reports show it next to the finding.
 *
 * @param expires ISO date (yyyy-mm-dd)
 * @param file    the waiver file and line, e.g. "waivers.yaml:4"; null when unknown (a report read back)
 */
public record FindingWaiver(String reason, String owner, String expires, String file) {
}
