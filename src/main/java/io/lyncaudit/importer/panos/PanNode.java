package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.LineLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a PAN-OS configuration tree, the raw vendor model both export forms are read into:
 * an element of the XML ({@code <entry name="web">}, {@code <ip-netmask>}) or what a {@code set}
 * line names ({@code set address web ip-netmask 10.0.0.5}). A node knows the lines that are its
 * own: in XML its start and end tags and its text, in the set form the lines that give it a value.
 * The conversion gives each node a verdict ({@link #verdict}), so that every line is accounted for.
 */
final class PanNode {
    /** The element name ({@code entry}, {@code member}, {@code ip-netmask}, ...). */
    final String name;
    /** The {@code name} attribute of an {@code <entry>}, or null. */
    final String entry;
    final PanNode parent;
    /** The children, made with the first (most nodes are leaves). */
    private List<PanNode> children;
    private String text;
    private int[] lines = new int[2];
    private int lineCount;
    /** The verdict the conversion gave this node's own lines, or null while it has none. */
    LineLedger.Verdict verdict;

    PanNode(String name, String entry, PanNode parent) {
        this.name = name;
        this.entry = entry;
        this.parent = parent;
    }

    /** The first child by key ({@link #key}), once there are enough children to look them up often; null before. */
    private Map<String, PanNode> index;

    /** A new child, added last. */
    PanNode add(String childName, String childEntry) {
        PanNode c = new PanNode(childName, childEntry, this);
        if (children == null) children = new ArrayList<>(4);
        children.add(c);
        if (index != null) {
            index.putIfAbsent(key(childName, childEntry), c);
        } else if (children.size() > 8) {
            index = new HashMap<>();
            for (PanNode k : children) index.putIfAbsent(key(k.name, k.entry), k);
        }
        return c;
    }

    private static String key(String name, String entry) {
        return entry != null ? "\0" + entry : name;
    }

    List<PanNode> children() {
        return children == null ? List.of() : children;
    }

    void remove(PanNode child) {
        if (children == null) return;
        children.remove(child);
        index = null;
        if (children.size() > 8) {
            index = new HashMap<>();
            for (PanNode k : children) index.putIfAbsent(key(k.name, k.entry), k);
        }
    }

    /** The first child with this element name, or null. */
    PanNode child(String childName) {
        if (index != null) {
            PanNode c = index.get(childName);
            return c != null && c.entry == null ? c : scanChild(childName);
        }
        return scanChild(childName);
    }

    private PanNode scanChild(String childName) {
        if (children == null) return null;
        for (PanNode c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    /** Every child with this element name (a list PAN-OS writes once, which a hand-made file may split). */
    List<PanNode> childrenNamed(String childName) {
        List<PanNode> out = new ArrayList<>(1);
        for (PanNode c : children()) if (c.name.equals(childName)) out.add(c);
        return out;
    }

    /** The child {@code <entry name="...">} of this node with that name, or null. */
    PanNode entry(String entryName) {
        if (index != null) return index.get(key("entry", entryName));
        for (PanNode c : children()) if (entryName.equals(c.entry)) return c;
        return null;
    }

    /** The node at a path of element names below this one, or null. */
    PanNode at(String... path) {
        PanNode n = this;
        for (String p : path) {
            n = n.child(p);
            if (n == null) return null;
        }
        return n;
    }

    /** The child entries ({@code <entry name=...>}) of this node. */
    List<PanNode> entries() {
        List<PanNode> out = new ArrayList<>();
        for (PanNode c : children()) if (c.entry != null) out.add(c);
        return out;
    }

    void appendText(String s) {
        text = text == null ? s : text + s;
    }

    /** The text content, stripped; "" when there is none. */
    String text() {
        return text == null ? "" : text.strip();
    }

    /**
     * The values the node holds: the text of each {@code <member>} child (XML lists, set lists
     * {@code [ a b ]}), or its own text (a leaf such as {@code <service>any</service>}).
     */
    List<String> values() {
        List<String> out = new ArrayList<>();
        for (PanNode c : children()) if (c.name.equals("member")) out.add(c.text());
        if (out.isEmpty() && !text().isEmpty()) out.add(text());
        return out;
    }

    /** The value of a single-valued leaf: the last of {@link #values()} (a value set again replaces it), or "". */
    String value() {
        List<String> v = values();
        return v.isEmpty() ? "" : v.get(v.size() - 1);
    }

    /** Drops the text (a set line that makes a single value into a list). */
    void clearText() {
        text = null;
    }

    /** The {@code <member>} children. */
    List<PanNode> members() {
        List<PanNode> out = new ArrayList<>();
        for (PanNode c : children()) if (c.name.equals("member")) out.add(c);
        return out;
    }

    /** Records a line as one of this node's own. */
    void line(int line) {
        if (lineCount > 0 && lines[lineCount - 1] == line) return;
        if (lineCount == lines.length) lines = Arrays.copyOf(lines, lineCount * 2);
        lines[lineCount++] = line;
    }

    /** Records the lines {@code from} to {@code to} as this node's own. */
    void lines(int from, int to) {
        for (int l = from; l <= to; l++) line(l);
    }

    /** This node's own lines, in the order they were recorded. */
    int[] ownLines() {
        return Arrays.copyOf(lines, lineCount);
    }

    /** The first of the node's own lines, or of its first descendant that has one; 0 when none. */
    int firstLine() {
        if (lineCount > 0) {
            int min = lines[0];
            for (int i = 1; i < lineCount; i++) min = Math.min(min, lines[i]);
            return min;
        }
        for (PanNode c : children()) {
            int l = c.firstLine();
            if (l > 0) return l;
        }
        return 0;
    }

    /** How the node reads in messages: {@code address 'web'}, {@code ip-netmask}. */
    String label() {
        return entry != null ? (parent != null ? parent.name : name) + " '" + entry + "'" : name;
    }

    @Override
    public String toString() {
        return entry != null ? name + "[" + entry + "]" : name;
    }
}
