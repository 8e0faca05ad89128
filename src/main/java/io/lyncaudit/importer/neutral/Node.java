package io.lyncaudit.importer.neutral;

import java.util.List;
import java.util.Map;

/** A JSON/YAML tree node that remembers the line it starts on, so errors can point at it. */
sealed interface Node {

    int line();

    /** An object; field order as written. */
    record Obj(Map<String, Node> fields, Map<String, Integer> keyLines, int line) implements Node {}

    /** An array. */
    record Arr(List<Node> items, int line) implements Node {}

    /**
     * A scalar: text is null for a JSON/YAML null.
     *
     * @param kind "string", "number", "boolean" or "null"
     */
    record Scalar(String text, String kind, int line) implements Node {}
}
