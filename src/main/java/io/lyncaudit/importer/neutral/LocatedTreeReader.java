package io.lyncaudit.importer.neutral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON or YAML into {@link Node}s with line numbers. Jackson's own tree forgets where a node
 * was, so the tree is built here from the streaming parser's token locations.
 */
final class LocatedTreeReader {
    private LocatedTreeReader() {}

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** SnakeYAML refuses documents over 3 MB by default; a large firewall's policy can be bigger, so allow 64 Mi characters. */
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(64 * 1024 * 1024);
        return o;
    }

    /** Parses the text as JSON when it starts with '{', as YAML otherwise. */
    static Node read(String text, String file) throws BadInputException {
        boolean json = text.stripLeading().startsWith("{");
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new BadInputException(file, 0, "empty: no policy document");
            Node root = node(p, file);
            if (p.nextToken() != null) {
                throw new BadInputException(file, line(p.currentTokenLocation()), "more than one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new BadInputException(file, loc == null ? 0 : line(loc),
                    "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(file, file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Node node(JsonParser p, String file) throws IOException, BadInputException {
        int line = line(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    if (fields.containsKey(key)) throw new BadInputException(file, keyLine, "duplicate key '" + key + "'");
                    p.nextToken();
                    fields.put(key, node(p, file));
                    keyLines.put(key, keyLine);
                }
                return new Node.Obj(fields, keyLines, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(node(p, file));
                return new Node.Arr(items, line);
            }
            case VALUE_STRING -> {
                return new Node.Scalar(p.getText(), "string", line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(p.getText(), "number", line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(p.getText(), "boolean", line);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(null, "null", line);
            }
            default -> throw new BadInputException(file, line, "unexpected " + t);
        }
    }

    private static int line(JsonLocation loc) {
        return Math.max(loc.getLineNr(), 0);
    }
}
