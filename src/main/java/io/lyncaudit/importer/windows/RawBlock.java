package io.lyncaudit.importer.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw model: one rule as the export wrote it, a bag of properties ({@code Direction},
 * {@code LocalPort}, ...) each with the line it came from. The same for CSV rows, Format-List
 * records and netsh blocks.
 *
 * @param line  the first line of the rule (the CSV row, the first property)
 * @param lines every line the rule spans
 */
record RawBlock(int line, String text, Map<String, Field> fields, List<Integer> lines) {

    /** One property: its key as written, its value (continuation lines joined with a space) and its line. */
    record Field(String key, String value, int line, String text) {}

    /** Keys compare without case, spaces or punctuation: "Rule Name", "RuleName" and "rule_name" are one. */
    static String norm(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The first present property of {@code keys} (normalised), or null. */
    Field field(String... keys) {
        for (String k : keys) {
            Field f = fields.get(k);
            if (f != null) return f;
        }
        return null;
    }

    /** The value of the first present property, trimmed, or "" when none is present. */
    String value(String... keys) {
        Field f = field(keys);
        return f == null ? "" : f.value().trim();
    }

    /** Builds a block line by line. */
    static final class Builder {
        final int line;
        final String text;
        final Map<String, Field> fields = new LinkedHashMap<>();
        final List<Integer> lines = new ArrayList<>();
        String lastKey;

        Builder(int line, String text) {
            this.line = line;
            this.text = text;
        }

        boolean has(String normKey) {
            return fields.containsKey(normKey);
        }

        void put(String key, String value, int line, String text) {
            String n = norm(key);
            fields.put(n, new Field(key.trim(), value, line, text));
            lines.add(line);
            lastKey = n;
        }

        /** Appends a continuation line to the last property; false when there is none. */
        boolean append(String more, int line) {
            if (lastKey == null) return false;
            Field f = fields.get(lastKey);
            fields.put(lastKey, new Field(f.key(), f.value().isEmpty() ? more : f.value() + " " + more, f.line(), f.text()));
            lines.add(line);
            return true;
        }

        RawBlock build() {
            return new RawBlock(line, text, Map.copyOf(fields), List.copyOf(lines));
        }
    }
}
