package io.lyncaudit.io;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.Excerpt;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A read-only view of a YAML document that remembers where every value stands, so that each
 * validation message can name the file, the line and the field path. Only composes nodes: no
 * object is ever constructed from input, and aliases are limited.
 */
public final class YamlTree {
    private final String file;
    private final Node node;
    private final String path;

    private YamlTree(String file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    /** The largest YAML file read (a deployment or waiver file is a few KiB). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /**
     * The longest line of a YAML file. SnakeYAML takes time quadratic in the length of a line (a
     * 1 MB line takes over a second, 50 MB hang it), so longer lines are refused before it starts.
     */
    public static final int MAX_LINE = 64 * 1024;
    /** SnakeYAML's limits, kept: aliases per document (billion laughs), nesting depth, code points. */
    public static final int MAX_ALIASES = 20, MAX_NESTING = 50, MAX_CODE_POINTS = 10 * 1024 * 1024;

    /**
     * Parses a YAML file, decoded by the shared rule of {@link InputText} (UTF-8 with or without
     * BOM, UTF-16 with BOM, Windows-1252), within {@link #MAX_BYTES} and {@link #MAX_LINE}; a
     * syntax error names the file and line.
     */
    public static YamlTree load(Path p, String displayName) throws BadInputException {
        String text = InputText.read(p, displayName, null, MAX_BYTES, MAX_LINE, "a YAML file").text();
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(MAX_ALIASES);
        opts.setAllowRecursiveKeys(false);
        opts.setCodePointLimit(MAX_CODE_POINTS);
        opts.setNestingDepthLimit(MAX_NESTING);
        try {
            Node root = new Yaml(opts).compose(new StringReader(text));
            if (root == null) throw new BadInputException(displayName, 0, "the file is empty");
            return new YamlTree(displayName, root, "");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            // the parser stops where it notices the problem; an unclosed [ or { began earlier, so name that line too
            int contextLine = e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            String context = e.getContext() == null ? ""
                    : " (" + e.getContext() + (contextLine > 0 && contextLine != line ? " started at line " + contextLine : "") + ")";
            throw new BadInputException(displayName, line, "YAML syntax error: " + what + context);
        } catch (ReaderException e) {
            // a character YAML does not allow (a control character, an escape sequence): name where it is
            int[] at = lineColumn(text, e.getPosition());
            throw new BadInputException(displayName, displayName + ":" + at[0] + ":" + at[1], "YAML does not allow the character "
                    + String.format("\\u%04x", e.getCodePoint()) + " (a control character); remove it", null);
        } catch (YAMLException e) {
            throw new BadInputException(displayName, 0, "YAML error: " + e.getMessage());
        }
    }

    /** Line and column (1-based) of the code point at {@code index}. */
    private static int[] lineColumn(String text, int index) {
        int line = 1, col = 1, cp = 0;
        for (int i = 0; i < text.length() && cp < index; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    public String file() {
        return file;
    }

    /** 1-based line of this value. */
    public int line() {
        return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    }

    /** Field path such as edge.servers[0].avEdge. */
    public String path() {
        return path.isEmpty() ? "(document)" : path;
    }

    public BadInputException error(String message) {
        return new BadInputException(file, line(), path() + ": " + message);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The entries of a mapping, in file order; duplicate keys are an error. */
    public Map<String, YamlTree> entries() throws BadInputException {
        if (!(node instanceof MappingNode m)) throw error("expected a mapping (key: value lines)");
        Map<String, YamlTree> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlTree(file, t.getKeyNode(), path).error("keys must be plain names");
            }
            YamlTree v = new YamlTree(file, t.getValueNode(), child(k.getValue()));
            if (out.put(k.getValue(), v) != null) {
                throw new YamlTree(file, t.getKeyNode(), child(k.getValue())).error("appears twice");
            }
        }
        return out;
    }

    /** Rejects keys this format does not know, suggesting the closest known one. */
    public void allowOnly(Collection<String> known) throws BadInputException {
        for (Map.Entry<String, YamlTree> e : entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                String hint = closest(e.getKey(), known);
                throw e.getValue().error("unknown field '" + Excerpt.of(e.getKey()) + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "") + "; known fields: " + String.join(", ", known));
            }
        }
    }

    public YamlTree get(String key) throws BadInputException {
        return entries().get(key);
    }

    public YamlTree require(String key) throws BadInputException {
        YamlTree v = get(key);
        if (v == null || v.isNull()) throw error("missing required field '" + key + "'");
        return v;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null")
                || (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
                    && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"))));
    }

    public List<YamlTree> items() throws BadInputException {
        if (!(node instanceof SequenceNode s)) throw error("expected a list");
        List<YamlTree> out = new ArrayList<>();
        int i = 0;
        for (Node n : s.getValue()) out.add(new YamlTree(file, n, path + "[" + i++ + "]"));
        return out;
    }

    /** A scalar, or a list of scalars, as strings (a single scalar becomes a one-element list). */
    public List<YamlTree> scalarItems() throws BadInputException {
        if (isScalar()) return List.of(this);
        List<YamlTree> out = items();
        for (YamlTree t : out) t.text();
        return out;
    }

    public String text() throws BadInputException {
        if (!(node instanceof ScalarNode s)) throw error("expected a single value");
        return s.getValue();
    }

    public boolean bool() throws BadInputException {
        String v = text().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, found '" + Excerpt.of(text()) + "'");
        };
    }

    public int integer() throws BadInputException {
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + Excerpt.of(text()) + "'");
        }
    }

    private static String closest(String key, Collection<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
