package io.lyncaudit.policy;

/** How many lines (or rows) of an input were used, ignored, unsupported or unrecognized. */
public record LineCounts(int total, int used, int ignored, int unsupported, int unrecognized) {

    public int unparsed() {
        return unsupported + unrecognized;
    }
}
