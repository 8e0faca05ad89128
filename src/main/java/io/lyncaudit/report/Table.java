package io.lyncaudit.report;

import java.util.List;

/** A plain table (header and rows of text) for listings such as `lyncaudit requirements`. */
public record Table(String title, List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
