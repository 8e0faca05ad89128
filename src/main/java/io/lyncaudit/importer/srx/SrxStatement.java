package io.lyncaudit.importer.srx;

import java.util.List;

/**
 * One statement of a Junos configuration as {@code show configuration | display set} prints it:
 * the words of its whole path, from the top of the hierarchy to the leaf. Both forms of an export
 * come down to these: a {@code set} line is one, and a leaf of the hierarchical form ({@code
 * source-address [ a b ];} inside its blocks) is one per value, with the words of every enclosing
 * block before it. The reading of the configuration only ever sees statements, which is why the
 * two forms of one configuration read the same.
 *
 * <p>Identity matters (the reader records which statements it used), so this is a class, not a record.
 */
final class SrxStatement {
    /** The words of the path, quotes removed. */
    final List<String> words;
    /** The line the statement starts on; for an inherited statement, its line in the group. */
    final int line;
    /** The last line the statement's words reach (the same as {@code line} but for a leaf written over several lines). */
    final int lastLine;
    /** The lines of the blocks that enclose a leaf of the hierarchical form (opening and closing), which share its verdict. */
    final int[] structure;
    /** The configuration group it was inherited from, or null for a statement of the configuration itself. */
    final String group;
    /** True when the statement (or a block around it) is inactive: the device does not apply it. */
    boolean inactive;
    /** Why it is inactive ("inactive: in the export", "deactivated at line 40"), for diagnostics. */
    String inactiveWhy;
    /** True once the reading used it for the policy. */
    boolean used;

    SrxStatement(List<String> words, int line, int lastLine, int[] structure, String group) {
        this.words = List.copyOf(words);
        this.line = line;
        this.lastLine = lastLine;
        this.structure = structure;
        this.group = group;
    }

    /** This statement with other words, from a configuration group: inherited where the group is applied. */
    SrxStatement inherited(List<String> newWords, String fromGroup) {
        return new SrxStatement(newWords, line, lastLine, structure, fromGroup);
    }

    int size() {
        return words.size();
    }

    String word(int i) {
        return i < words.size() ? words.get(i) : null;
    }

    /** True when the words start with {@code prefix}. */
    boolean startsWith(List<String> prefix) {
        if (prefix.size() > words.size()) return false;
        for (int i = 0; i < prefix.size(); i++) if (!prefix.get(i).equals(words.get(i))) return false;
        return true;
    }

    /** True when word {@code i} is {@code w}. */
    boolean is(int i, String w) {
        return i < words.size() && words.get(i).equals(w);
    }

    /** The statement as a {@code set} line: the text rules and diagnostics show, the same in both forms. */
    String text() {
        return setText(words);
    }

    /** Words as a {@code set} command, quoting a word with blanks or special characters as Junos does. */
    static String setText(List<String> words) {
        StringBuilder b = new StringBuilder("set");
        for (String w : words) b.append(' ').append(quote(w));
        return b.toString();
    }

    static String quote(String w) {
        if (w.isEmpty()) return "\"\"";
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c <= ' ' || c == '"' || c == ';' || c == '{' || c == '}' || c == '[' || c == ']' || c == '#') {
                return '"' + w.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return line + ": " + text();
    }
}
