package io.lyncaudit.importer.neutral;

import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed, line-aware access to the fields of one object node. Every error names the file and the
 * line of the offending node; unknown keys are errors, so a typo never silently changes a policy.
 */
final class Fields {
    private final Node.Obj obj;
    private final String what;
    private final String file;

    private Fields(Node.Obj obj, String what, String file) {
        this.obj = obj;
        this.what = what;
        this.file = file;
    }

    /** The node as an object with only the allowed keys. */
    static Fields of(Node n, String what, String file, Set<String> allowed) throws BadInputException {
        if (!(n instanceof Node.Obj o)) throw new BadInputException(file, n.line(), what + " must be an object");
        for (String k : o.fields().keySet()) {
            if (!allowed.contains(k)) {
                throw new BadInputException(file, o.keyLines().get(k), "unknown key '" + k + "' in " + what
                        + " (expected " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return new Fields(o, what, file);
    }

    int line() {
        return obj.line();
    }

    boolean has(String key) {
        return obj.fields().containsKey(key);
    }

    /** True when the key is absent or null. */
    boolean isNull(String key) {
        Node n = obj.fields().get(key);
        return n == null || (n instanceof Node.Scalar s && s.text() == null);
    }

    Node node(String key) throws BadInputException {
        Node n = obj.fields().get(key);
        if (n == null) throw new BadInputException(file, obj.line(), what + " has no '" + key + "'");
        return n;
    }

    int lineOf(String key) {
        Node n = obj.fields().get(key);
        return n != null ? n.line() : obj.line();
    }

    /** A string (numbers are accepted as their text: YAML reads "ports: 443" as a number). */
    String string(String key) throws BadInputException {
        Node n = node(key);
        if (n instanceof Node.Scalar s && s.text() != null && !s.kind().equals("boolean")) return s.text();
        throw new BadInputException(file, n.line(), "'" + key + "' in " + what + " must be a text value");
    }

    String string(String key, String fallback) throws BadInputException {
        return isNull(key) ? fallback : string(key);
    }

    /** A string that may be given as null. */
    String nullableString(String key) throws BadInputException {
        return isNull(key) ? null : string(key);
    }

    int integer(String key) throws BadInputException {
        Node n = node(key);
        if (n instanceof Node.Scalar s && s.kind().equals("number")) {
            try {
                return Integer.parseInt(s.text());
            } catch (NumberFormatException e) {
                // falls through to the error below: a fraction or a huge number
            }
        }
        throw new BadInputException(file, n.line(), "'" + key + "' in " + what + " must be a whole number");
    }

    int integer(String key, int fallback) throws BadInputException {
        return has(key) ? integer(key) : fallback;
    }

    boolean bool(String key) throws BadInputException {
        Node n = node(key);
        if (n instanceof Node.Scalar s && s.kind().equals("boolean")) return Boolean.parseBoolean(s.text());
        throw new BadInputException(file, n.line(), "'" + key + "' in " + what + " must be true or false");
    }

    /** The items of an array; an absent or null key is an empty list. */
    List<Node> array(String key) throws BadInputException {
        if (isNull(key)) return List.of();
        Node n = node(key);
        if (n instanceof Node.Arr a) return a.items();
        throw new BadInputException(file, n.line(), "'" + key + "' in " + what + " must be a list");
    }

    List<String> strings(String key) throws BadInputException {
        List<String> out = new ArrayList<>();
        for (Node n : array(key)) {
            if (!(n instanceof Node.Scalar s) || s.text() == null) {
                throw new BadInputException(file, n.line(), "'" + key + "' in " + what + " must be a list of names");
            }
            out.add(s.text());
        }
        return out;
    }

    /** Runs a parse of a field's text, turning its IllegalArgumentException into an error at the field's line. */
    <T> T parse(String key, String text, Function<String, T> parser) throws BadInputException {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, lineOf(key), "'" + key + "' in " + what + ": " + e.getMessage());
        }
    }
}
