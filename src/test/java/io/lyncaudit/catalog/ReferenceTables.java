package io.lyncaudit.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the table rows of the reference documents (HTML tables inside Markdown) into facts: file,
 * table, row, and the protocol and port cells as the docs write them. No prose is kept.
 */
final class ReferenceTables {
    private ReferenceTables() {}

    /** One body row of one table. {@code protocol} and {@code ports} are "" when the table has no such column. */
    record Row(String file, int table, int row, String protocol, String ports) {
        String key() {
            return file + "#" + table + "/" + row;
        }
    }

    private static final Pattern TABLE = Pattern.compile("(?s)<table[^>]*>(.*?)</table>");
    private static final Pattern TH = Pattern.compile("(?s)<th[^>]*>(.*?)</th>");
    private static final Pattern TBODY = Pattern.compile("(?s)<tbody>(.*?)</tbody>");
    private static final Pattern TR = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>");
    private static final Pattern TD = Pattern.compile("(?s)<td[^>]*>(.*?)</td>");
    /** "…/TCP/443", "…/UDP/50,000-59,999", "HTTP/TCP 8080", "TCP 443". */
    private static final Pattern TRANSPORT_PORT = Pattern.compile("(?i)\\b(TCP|UDP)\\s*[/ ]\\s*([0-9][0-9,]*(?:\\s*-\\s*[0-9][0-9,]*)?)\\s*$");

    static List<Row> read(Path dir) throws IOException {
        List<Row> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("lync-server-2013-")).sorted().toList()) {
                out.addAll(read(f.getFileName().toString(), Files.readString(f)));
            }
        }
        return out;
    }

    static List<Row> read(String file, String doc) {
        List<Row> out = new ArrayList<>();
        Matcher t = TABLE.matcher(doc);
        int table = 0;
        while (t.find()) {
            table++;
            List<String> heads = new ArrayList<>();
            Matcher th = TH.matcher(t.group(1));
            while (th.find()) heads.add(text(th.group(1)).toLowerCase(Locale.ROOT));
            Matcher body = TBODY.matcher(t.group(1));
            if (!body.find()) continue;
            Matcher tr = TR.matcher(body.group(1));
            int row = 0;
            while (tr.find()) {
                row++;
                List<String> cells = new ArrayList<>();
                Matcher td = TD.matcher(tr.group(1));
                while (td.find()) cells.add(text(td.group(1)));
                out.add(row(file, table, row, heads, cells));
            }
        }
        return out;
    }

    private static Row row(String file, int table, int row, List<String> heads, List<String> cells) {
        int combined = index(heads, h -> h.contains("tcp or udp/port"));
        if (combined >= 0) return fromCombined(file, table, row, cell(cells, combined));
        int dport = index(heads, h -> h.equals("destination port"));
        int proto = index(heads, h -> h.equals("protocol"));
        int port = index(heads, h -> h.equals("port"));
        if (dport >= 0 && proto < 0) return fromCombined(file, table, row, cell(cells, dport));
        return new Row(file, table, row, proto >= 0 ? cell(cells, proto) : "",
                port >= 0 ? cell(cells, port) : dport >= 0 ? cell(cells, dport) : "");
    }

    private static Row fromCombined(String file, int table, int row, String cell) {
        Matcher m = TRANSPORT_PORT.matcher(cell);
        if (m.find()) {
            return new Row(file, table, row, m.group(1).toUpperCase(Locale.ROOT), m.group(2).replace(",", "").replaceAll("\\s+", ""));
        }
        return new Row(file, table, row, cell, "");
    }

    private static int index(List<String> heads, java.util.function.Predicate<String> p) {
        for (int i = 0; i < heads.size(); i++) if (p.test(heads.get(i))) return i;
        return -1;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    private static String text(String html) {
        String s = html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace('\u00a0', ' ');
        return s.replaceAll("\\s+", " ").strip();
    }
}
