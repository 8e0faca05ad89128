package io.lyncaudit.io;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** Parses a YAML file; a syntax error names the file and line. */
    public static YamlTree load(Path p, String displayName) throws BadInputException {
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(20);
        opts.setAllowRecursiveKeys(false);
        opts.setCodePointLimit(10 * 1024 * 1024);
        opts.setNestingDepthLimit(50);
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            Node root = new Yaml(opts).compose(r);
            if (root == null) throw new BadInputException(displayName, 0, "the file is empty");
            return new YamlTree(displayName, root, "");
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            // the parser stops where it notices the problem; an unclosed [ or { began earlier, so name that line too
            int contextLine = e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            String context = e.getContext() == null ? ""
                    : " (" + e.getContext() + (contextLine > 0 && contextLine != line ? " started at line " + contextLine : "") + ")";
            throw new BadInputException(displayName, line, "YAML syntax error: " + what + context);
        } catch (YAMLException e) {
            throw new BadInputException(displayName, 0, "YAML error: " + e.getMessage());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(displayName, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, "cannot read: " + e.getMessage());
        }
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
                throw e.getValue().error("unknown field '" + e.getKey() + "'"
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
            default -> throw error("expected true or false, found '" + text() + "'");
        };
    }

    public int integer() throws BadInputException {
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + text() + "'");
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
