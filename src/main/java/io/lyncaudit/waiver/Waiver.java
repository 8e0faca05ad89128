package io.lyncaudit.waiver;

import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.FindingWaiver;
import java.time.LocalDate;

/**
 * One waiver of the waiver file: which findings it accepts (type, and optionally requirement,
 * firewall, flow and finding id), why, who owns it and until when.
 *
 * @param requirement null: any requirement
 * @param firewall    null: any firewall
 * @param flow        null: any flow; otherwise findings whose flow lies inside it
 * @param finding     null: any finding id
 * @param file        the waiver file as reports name it
 * @param line        the line of the waiver's first field
 */
public record Waiver(FindingType type, String requirement, String firewall, WaiverFlow flow, String finding, String reason,
                     String owner, LocalDate expires, String file, int line) {

    /** Where the waiver stands, e.g. "waivers.yaml:4". */
    public String where() {
        return file + ":" + line;
    }

    /** The waiver as reports show it next to a finding. */
    public FindingWaiver ref() {
        return new FindingWaiver(reason, owner, expires.toString(), where());
    }

    /** A short description for diagnostics: "EXTRA on edge-external TCP 3389 -> 131.107.155.10". */
    public String describe() {
        StringBuilder s = new StringBuilder(type.name());
        if (finding != null) s.append(' ').append(finding);
        if (requirement != null) s.append(' ').append(requirement);
        if (firewall != null) s.append(" on ").append(firewall);
        if (flow != null) s.append(' ').append(flow.text());
        return s.toString();
    }
}
