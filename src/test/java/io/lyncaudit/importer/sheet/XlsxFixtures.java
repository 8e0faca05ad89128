package io.lyncaudit.importer.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds XLSX workbooks at test time from a small text form, so fixtures stay reviewable text:
 * "### name" starts a sheet, cells are separated by " | ", an empty line is an empty row, lines
 * starting with "# " before the first sheet are comments. Digits-only cells become numbers,
 * TRUE/FALSE become booleans, everything else is a string (a leading "=" stays text).
 */
public final class XlsxFixtures {
    private XlsxFixtures() {}

    /** Sheets in order, each a list of rows of cells. */
    public static Map<String, List<List<String>>> parse(String text) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line : text.split("\n", -1)) {
            if (current == null && line.startsWith("# ")) continue;
            if (line.startsWith("### ")) {
                current = new ArrayList<>();
                sheets.put(line.substring(4).strip(), current);
                continue;
            }
            if (current == null) continue;
            current.add(line.isEmpty() ? List.of() : List.of(line.split(" \\| ", -1)));
        }
        // a trailing newline is not an extra empty row
        for (List<List<String>> rows : sheets.values()) {
            while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) rows.remove(rows.size() - 1);
        }
        return sheets;
    }

    public static Path write(Path file, String text) throws IOException {
        return write(file, parse(text));
    }

    public static Path write(Path file, Map<String, List<List<String>>> sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                List<List<String>> rows = e.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    if (rows.get(r).isEmpty()) continue;
                    Row row = s.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String v = rows.get(r).get(c).strip();
                        if (v.isEmpty()) continue;
                        Cell cell = row.createCell(c);
                        if (v.matches("\\d{1,9}")) cell.setCellValue(Long.parseLong(v));
                        else if (v.equals("TRUE") || v.equals("FALSE")) cell.setCellValue(Boolean.parseBoolean(v));
                        else cell.setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
