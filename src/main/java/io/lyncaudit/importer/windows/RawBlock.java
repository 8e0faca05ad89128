package io.lyncaudit.importer.windows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The raw model: one rule as the export wrote it, a bag of properties ({@code Direction},
 * {@code LocalPort}, ...) each with the lines it came from. The same for CSV rows, Format-List
 * records and netsh blocks.
 *
 * <p>A block remembers which properties the conversion read ({@link #field}, {@link #value}):
 * those lines are used, and every other property is diagnosed (see {@link WindowsProperties}).
 * A class rather than a record for that reason: what it has been asked changes.
 */
final class RawBlock {

    /**
     * One property: its key as written, its value (continuation lines joined with a space), its
     * first line with that line's text, and every line it spans.
     */
    record Field(String key, String value, int line, String text, List<Integer> lines) {}

    private final int line;
    private final String text;
    private final Map<String, Field> fields;
    private final List<Integer> lines;
    private final boolean row;
    private final Set<String> read = new HashSet<>();

    /**
     * @param line  the first line of the rule (the CSV row, the first property)
     * @param lines every line the rule spans
     * @param row   true for a CSV row: every property shares the row's line(s)
     */
    RawBlock(int line, String text, Map<String, Field> fields, List<Integer> lines, boolean row) {
        this.line = line;
        this.text = text;
        this.fields = Map.copyOf(fields);
        this.lines = List.copyOf(lines);
        this.row = row;
    }

    /** The first line of the rule. */
    int line() {
        return line;
    }

    /** The rule's text for a source reference: its first property line, or its CSV row. */
    String text() {
        return text;
    }

    /** Every property, by normalised key. */
    Map<String, Field> fields() {
        return fields;
    }

    /** Every line the rule spans. */
    List<Integer> lines() {
        return lines;
    }

    /** True for a CSV row: the properties have no lines of their own, the header names them. */
    boolean row() {
        return row;
    }

    /** Keys compare without case, spaces or punctuation: "Rule Name", "RuleName" and "rule_name" are one. */
    static String norm(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The first present property of {@code keys} (normalised), or null; the one returned counts as read. */
    Field field(String... keys) {
        for (String k : keys) {
            Field f = fields.get(k);
            if (f != null) {
                read.add(k);
                return f;
            }
        }
        return null;
    }

    /** The value of the first present property, trimmed, or "" when none is present; it counts as read. */
    String value(String... keys) {
        Field f = field(keys);
        return f == null ? "" : f.value().trim();
    }

    /** True when the conversion read the property (normalised key). */
    boolean wasRead(String key) {
        return read.contains(key);
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
            fields.put(n, new Field(key.trim(), value, line, text, List.of(line)));
            lines.add(line);
            lastKey = n;
        }

        /** Appends a continuation line to the last property; false when there is none. */
        boolean append(String more, int line) {
            if (lastKey == null) return false;
            Field f = fields.get(lastKey);
            List<Integer> ls = new ArrayList<>(f.lines());
            ls.add(line);
            fields.put(lastKey, new Field(f.key(), f.value().isEmpty() ? more : f.value() + " " + more, f.line(), f.text(), List.copyOf(ls)));
            lines.add(line);
            return true;
        }

        /** A Format-List record or netsh block. */
        RawBlock build() {
            return new RawBlock(line, text, fields, lines, false);
        }

        /** A CSV row spanning {@code rowLines}. */
        RawBlock buildRow(List<Integer> rowLines) {
            Map<String, Field> fs = new LinkedHashMap<>();
            for (Map.Entry<String, Field> e : fields.entrySet()) {
                Field f = e.getValue();
                fs.put(e.getKey(), new Field(f.key(), f.value(), f.line(), f.text(), List.copyOf(rowLines)));
            }
            return new RawBlock(line, text, fs, rowLines, true);
        }
    }
}
