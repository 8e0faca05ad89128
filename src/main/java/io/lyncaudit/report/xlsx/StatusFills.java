package io.lyncaudit.report.xlsx;

import io.lyncaudit.finding.FindingType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Colours a finding-type or status column by value with conditional formatting, which stays right
 * when the reader sorts or filters and costs no cell style per row.
 */
final class StatusFills {
    private static final Map<String, IndexedColors> FILLS = new LinkedHashMap<>();

    static {
        FILLS.put(FindingType.MISSING.name(), IndexedColors.ROSE);
        FILLS.put(FindingType.PARTIAL.name(), IndexedColors.LIGHT_ORANGE);
        FILLS.put(FindingType.EXTRA.name(), IndexedColors.LIGHT_YELLOW);
        FILLS.put(FindingType.MISDIRECTED.name(), IndexedColors.LAVENDER);
        FILLS.put(FindingType.SHADOWED.name(), IndexedColors.GREY_25_PERCENT);
        FILLS.put(FindingType.IPSEC_MISSING.name(), IndexedColors.ROSE);
        FILLS.put(FindingType.IPSEC_EXTRA.name(), IndexedColors.LIGHT_YELLOW);
        FILLS.put("SATISFIED", IndexedColors.LIGHT_GREEN);
    }

    private StatusFills() {}

    /** Adds the rules for column {@code column}, rows 2 to {@code rows + 1} (below the header). */
    static void apply(Sheet sheet, int column, int rows) {
        if (rows == 0) return;
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(1, rows, column, column)};
        for (Map.Entry<String, IndexedColors> e : FILLS.entrySet()) {
            // one rule per call: the API limits how many rules one call may add
            ConditionalFormattingRule rule = cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"" + e.getKey() + "\"");
            PatternFormatting fill = rule.createPatternFormatting();
            fill.setFillBackgroundColor(e.getValue().getIndex());
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
            cf.addConditionalFormatting(range, rule);
        }
    }
}
