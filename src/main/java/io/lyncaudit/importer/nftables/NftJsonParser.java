package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.Dnat;
import io.lyncaudit.importer.nftables.NftRuleset.Entry;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.NamedSet;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.Other;
import io.lyncaudit.importer.nftables.NftRuleset.Range;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.Single;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
import io.lyncaudit.importer.nftables.NftRuleset.Unread;
import io.lyncaudit.importer.nftables.NftRuleset.VMap;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * First stage for {@code nft -j list ruleset}: the objects of the {@code nftables} array into the
 * raw model. The JSON is usually one line, so an object's "line" is its 1-based position in the array.
 */
final class NftJsonParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NftJsonParser() {}

    static NftRuleset parse(String content, String file, LineLedger ledger) throws BadInputException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (Exception e) {
            throw new BadInputException(file, 0, "not valid nftables JSON: " + firstLine(e.getMessage()));
        }
        JsonNode arr = root == null ? null : root.get("nftables");
        if (arr == null || !arr.isArray()) throw new BadInputException(file, 0, "JSON without an \"nftables\" array");
        NftRuleset rs = new NftRuleset();
        int k = 0;
        for (JsonNode o : arr) {
            k++;
            String text = LineLedger.clip("nftables[" + k + "] " + o.toString());
            if (!o.isObject() || o.size() != 1) {
                ledger.mark(k, text, Verdict.UNRECOGNIZED, "expected an object with one key");
                continue;
            }
            Map.Entry<String, JsonNode> e = o.fields().next();
            JsonNode v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "metainfo" -> ledger.mark(k, text, Verdict.IGNORED, "metainfo");
                    case "table" -> {
                        rs.table(str(v, "family"), str(v, "name"));
                        ledger.mark(k, text, Verdict.IGNORED, "declares table");
                    }
                    case "chain" -> {
                        Chain c = rs.table(str(v, "family"), str(v, "table")).chain(str(v, "name"));
                        c.type = opt(v, "type");
                        c.hook = opt(v, "hook");
                        c.priority = opt(v, "prio");
                        c.policy = opt(v, "policy");
                        c.key = k;
                        c.line = k;
                        c.text = text;
                        if (c.hook != null) ledger.used(k, text);
                        else ledger.mark(k, text, Verdict.IGNORED, "declares chain " + c.name);
                    }
                    case "set", "map" -> {
                        Table t = rs.table(str(v, "family"), str(v, "table"));
                        NamedSet s = t.sets.computeIfAbsent(str(v, "name"), NamedSet::new);
                        s.isMap = e.getKey().equals("map");
                        s.type = v.has("type") ? v.get("type").toString() : null;
                        if (v.has("elem")) for (JsonNode el : v.get("elem")) s.elements.add(s.isMap ? entry(el) : value(el));
                        ledger.used(k, text);
                    }
                    case "rule" -> {
                        Table t = rs.table(str(v, "family"), str(v, "table"));
                        Chain c = t.chain(str(v, "chain"));
                        List<Stmt> stmts = new ArrayList<>();
                        JsonNode expr = v.get("expr");
                        if (expr == null || !expr.isArray()) throw new IllegalArgumentException("rule without expr");
                        String unread = null;
                        for (JsonNode x : expr) {
                            try {
                                stmts.add(stmt(x));
                            } catch (RuntimeException ex) {
                                if (unread == null) unread = ex.getMessage() == null ? "cannot read this object" : ex.getMessage();
                            }
                        }
                        if (unread != null) {
                            // its place in the chain is known: keep it with the statements that could be read, read as matching nothing
                            ledger.mark(k, text, Verdict.UNRECOGNIZED, unread);
                            stmts.add(0, new Unread(unread, List.of()));
                        }
                        c.rules.add(new RawRule(k, k, text, stmts, opt(v, "comment")));
                    }
                    default -> ledger.mark(k, text, Verdict.IGNORED, "'" + e.getKey() + "' objects do not filter");
                }
            } catch (RuntimeException ex) {
                ledger.mark(k, text, Verdict.UNRECOGNIZED, ex.getMessage() == null ? "cannot read this object" : ex.getMessage());
            }
        }
        return rs;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String str(JsonNode o, String f) {
        JsonNode n = o.get(f);
        if (n == null || !n.isValueNode()) throw new IllegalArgumentException("missing \"" + f + "\"");
        return n.asText();
    }

    private static String opt(JsonNode o, String f) {
        JsonNode n = o.get(f);
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    private static Stmt stmt(JsonNode x) {
        if (!x.isObject() || x.size() != 1) throw new IllegalArgumentException("expression is not an object with one key");
        Map.Entry<String, JsonNode> e = x.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "match" -> {
                String op = v.has("op") ? v.get("op").asText() : "==";
                String key = key(v.get("left"));
                Value val = value(v.get("right"));
                if (op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=")) val = new Single(op + ((Single) val).text());
                yield new Match(key, op.equals("!="), val);
            }
            case "accept", "drop", "return", "continue", "reject", "queue" -> new NftRuleset.Verdict(e.getKey(), null);
            case "jump", "goto" -> new NftRuleset.Verdict(e.getKey(), str(v, "target"));
            case "vmap" -> new VMap(key(v.get("key")), mapData(v.get("data")));
            case "counter", "log", "snat", "masquerade", "redirect", "notrack", "mangle" -> new Other(e.getKey(), false);
            case "dnat" -> {
                if (v == null || !v.has("addr")) throw new IllegalArgumentException("dnat without addr");
                yield new Dnat(v.get("addr").isValueNode() ? v.get("addr").asText() : text(value(v.get("addr"))),
                        v.has("port") ? v.get("port").asText() : null);
            }
            default -> new Other(e.getKey(), true);
        };
    }

    private static String text(Value v) {
        if (v instanceof Single s) return s.text();
        throw new IllegalArgumentException("dnat to a set of addresses is not modelled");
    }

    private static String key(JsonNode l) {
        if (l == null || !l.isObject() || l.size() != 1) throw new IllegalArgumentException("match without a left-hand side");
        Map.Entry<String, JsonNode> e = l.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "payload" -> str(v, "protocol") + " " + str(v, "field");
            case "meta" -> "meta " + str(v, "key");
            case "ct" -> "ct " + str(v, "key");
            case "concat" -> {
                List<String> parts = new ArrayList<>();
                for (JsonNode p : v) parts.add(key(p));
                yield String.join(" . ", parts);
            }
            default -> throw new IllegalArgumentException("match on '" + e.getKey() + "' is not understood");
        };
    }

    private static Value mapData(JsonNode d) {
        if (d != null && d.isTextual() && d.asText().startsWith("@")) return new Named(d.asText().substring(1));
        if (d == null || !d.has("set")) throw new IllegalArgumentException("verdict map without data");
        List<Value> out = new ArrayList<>();
        for (JsonNode el : d.get("set")) out.add(entry(el));
        return new SetOf(out);
    }

    private static Entry entry(JsonNode el) {
        if (!el.isArray() || el.size() != 2) throw new IllegalArgumentException("map element is not [key, verdict]");
        Stmt s = stmt(el.get(1));
        if (!(s instanceof NftRuleset.Verdict v)) throw new IllegalArgumentException("map element without a verdict");
        return new Entry(value(el.get(0)), v);
    }

    private static Value value(JsonNode r) {
        if (r == null) throw new IllegalArgumentException("match without a right-hand side");
        if (r.isNumber()) return new Single(r.asText());
        if (r.isTextual()) return r.asText().startsWith("@") ? new Named(r.asText().substring(1)) : new Single(r.asText());
        if (r.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode p : r) parts.add(p.asText());
            return new Single(String.join(",", parts));
        }
        if (r.isObject() && r.size() == 1) {
            Map.Entry<String, JsonNode> e = r.fields().next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "set" -> {
                    List<Value> out = new ArrayList<>();
                    if (v.isArray()) for (JsonNode x : v) out.add(value(x));
                    else out.add(value(v));
                    return new SetOf(out);
                }
                case "range" -> {
                    return new Range(v.get(0).asText(), v.get(1).asText());
                }
                case "prefix" -> {
                    return new Single(str(v, "addr") + "/" + str(v, "len"));
                }
                case "elem" -> {
                    return value(v.get("val"));
                }
                case "concat" -> {
                    Iterator<JsonNode> it = v.elements();
                    StringBuilder s = new StringBuilder();
                    while (it.hasNext()) s.append(s.length() > 0 ? " . " : "").append(it.next().asText());
                    return new Single(s.toString());
                }
                default -> throw new IllegalArgumentException("value '" + e.getKey() + "' is not understood");
            }
        }
        throw new IllegalArgumentException("value " + LineLedger.clip(r.toString()) + " is not understood");
    }
}
