package io.lyncaudit.report.xlsx;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Properties of {@link SafeCells#safeText} over arbitrary strings. */
class SafeCellsPropertiesTest {

    @Property(tries = 500)
    boolean neverStartsLikeAFormula(@ForAll @StringLength(max = 40) String s) {
        return !SafeCells.needsQuote(SafeCells.safeText(s));
    }

    @Property(tries = 30)
    boolean neverExceedsExcelsLimit(@ForAll @StringLength(min = 32_700, max = 33_000) String s) {
        return SafeCells.safeText(s).length() <= SafeCells.MAX_TEXT;
    }

    @Property(tries = 500)
    boolean keepsTheTextAfterTheQuote(@ForAll @StringLength(max = 100) String s) {
        String safe = SafeCells.safeText(s);
        return SafeCells.needsQuote(s) ? safe.equals("'" + s) : safe.equals(s);
    }
}
