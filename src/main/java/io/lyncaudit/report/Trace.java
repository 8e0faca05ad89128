package io.lyncaudit.report;

import java.util.List;

/**
 * What one firewall does with one packet (`lyncaudit trace`): the verdict, and for each stage of
 * the packet's path through the box the line that decided (or the default), with any translation.
 *
 * @param packet      the packet as given, e.g. {@code tcp 203.0.113.5:40000 -> 10.45.16.10:5061}
 * @param in          the interface it enters at (given or inferred), or null when unknown
 * @param out         the interface it leaves at, {@code host} for the firewall itself, or null when unknown
 * @param path        forward, input or output
 * @param verdict     permit, deny or uncertain
 * @param reading     permit or deny: what the importer's reading decides (also when the verdict is uncertain)
 * @param uncertainty why the verdict may not be what the device does, or null
 * @param translated  the packet as the last stage saw it, when a stage translated it; else null
 * @param stages      the stages the packet met, in order, up to the one that dropped it
 * @param notes       how the interfaces were chosen, and other remarks for the reader
 */
public record Trace(String packet, String in, String out, String path, String verdict, String reading, String uncertainty,
                    String translated, List<Stage> stages, List<String> notes) {

    public Trace {
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }

    /**
     * One stage the packet met.
     *
     * @param name        the policy (chain, ACL, sheet), e.g. {@code nat PREROUTING}; null for the firewall's own
     *                    default when no policy sees the packet
     * @param hook        the hook of the stage (prerouting, forward ...), or null for a classic device
     * @param action      accept, drop, translate, redirect or pass (the stage does not see the packet: another family)
     * @param isDefault   true when no rule matched and the stage's default decided
     * @param rule        the deciding rule's name or comment, or null
     * @param file        where the deciding line is, or null for an implicit default
     * @param line        its 1-based line (row for spreadsheets), 0 when implicit
     * @param text        the line's text, or a description of an implicit default
     * @param translation where a translating rule sends the packet ({@code 10.0.0.5:4443}), or null
     * @param sees        the packet as this stage saw it when an earlier stage translated it, else null
     * @param uncertainty why this stage's decision may not be the device's, or null
     */
    public record Stage(String name, String hook, String action, boolean isDefault, String rule, String file, int line, String text,
                        String translation, String sees, String uncertainty) {
    }
}
