package io.lyncaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Renders a {@link Table} as CSV (formula-safe), JSON (array of objects) or aligned text. */
public final class TableRenderers {
    private TableRenderers() {}

    /** CSV with a header; a cell that a spreadsheet would read as a formula is prefixed with a quote. */
    public static void csv(Table t, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(t.headers());
            for (List<String> row : t.rows()) p.printRecord(row.stream().map(TableRenderers::safe).toList());
        }
    }

    /** Neutralises formula triggers for CSV consumers (Excel, LibreOffice). */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) return s;
        char c = s.charAt(0);
        boolean number = s.matches("-?[0-9][0-9.,]*");
        return (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' || (c == '-' && !number)) ? "'" + s : s;
    }

    public static void json(Table t, OutputStream out) throws IOException {
        ObjectMapper m = new ObjectMapper();
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = m.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pp);
            g.writeStartArray();
            for (List<String> row : t.rows()) {
                g.writeStartObject();
                for (int i = 0; i < t.headers().size(); i++) g.writeStringField(t.headers().get(i), i < row.size() ? row.get(i) : "");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    /** Columns padded to their widest cell (capped), for a terminal. */
    public static void text(Table t, OutputStream out) throws IOException {
        int n = t.headers().size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = t.headers().get(i).length();
        for (List<String> r : t.rows()) for (int i = 0; i < n && i < r.size(); i++) w[i] = Math.min(60, Math.max(w[i], len(r.get(i))));
        StringBuilder sb = new StringBuilder();
        if (t.title() != null) sb.append(t.title()).append("\n\n");
        line(sb, t.headers(), w);
        for (List<String> r : t.rows()) line(sb, r, w);
        sb.append('\n').append(t.rows().size()).append(" rows\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() && cells.get(i) != null ? cells.get(i).replace('\n', ' ') : "";
            if (c.length() > w[i]) c = c.substring(0, w[i] - 1) + "…";
            sb.append(c);
            if (i < w.length - 1) sb.append(" ".repeat(w[i] - c.length() + 2));
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        sb.append('\n');
    }
}
