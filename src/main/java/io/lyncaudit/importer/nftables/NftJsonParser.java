package io.lyncaudit.importer.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.Entry;
import io.lyncaudit.importer.nftables.NftRuleset.Loc;
import io.lyncaudit.importer.nftables.NftRuleset.Mapping;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.NamedSet;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.Nat;
import io.lyncaudit.importer.nftables.NftRuleset.Notrack;
import io.lyncaudit.importer.nftables.NftRuleset.Other;
import io.lyncaudit.importer.nftables.NftRuleset.Range;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.SetUpdate;
import io.lyncaudit.importer.nftables.NftRuleset.Single;
import io.lyncaudit.importer.nftables.NftRuleset.SrcFile;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
import io.lyncaudit.importer.nftables.NftRuleset.Undecided;
import io.lyncaudit.importer.nftables.NftRuleset.Unread;
import io.lyncaudit.importer.nftables.NftRuleset.VMap;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * First stage for {@code nft -j list ruleset} (and the {@code add}, {@code insert} and
 * {@code flush} command objects of {@code nft -j -f}): the objects of the {@code nftables} array
 * into the raw model. The JSON is usually one line, so an object's "line" is its 1-based position
 * in the array.
 */
final class NftJsonParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Match operands that are understood but not modelled: the match reads as matching every packet. */
    private static final Set<String> UNMODELLED_LEFT = Set.of("fib", "exthdr", "tcp option", "ip option", "sctp chunk", "osf",
            "socket", "rt", "numgen", "jhash", "symhash", "ipsec", "dccp option", "hash", "elem", "&", "|", "^", "<<", ">>");

    private final SrcFile file;
    private final NftRuleset rs = new NftRuleset();

    private NftJsonParser(SrcFile file) {
        this.file = file;
    }

    static NftRuleset parse(SrcFile file) throws BadInputException {
        return new NftJsonParser(file).run();
    }

    private NftRuleset run() throws BadInputException {
        JsonNode root;
        try {
            root = JSON.readTree(file.content);
        } catch (Exception e) {
            throw new BadInputException(file.display, 0, "not valid nftables JSON: " + firstLine(e.getMessage()));
        }
        JsonNode arr = root == null ? null : root.get("nftables");
        if (arr == null || !arr.isArray()) throw new BadInputException(file.display, 0, "JSON without an \"nftables\" array");
        int k = 0;
        for (JsonNode o : arr) {
            k++;
            Loc loc = new Loc(file, k, LineLedger.clip("nftables[" + k + "] " + o.toString()));
            file.ledger.expect(k, loc.text);
            if (!o.isObject() || o.size() != 1) {
                loc.mark(Verdict.UNRECOGNIZED, "expected an object with one key");
                continue;
            }
            Map.Entry<String, JsonNode> e = o.fields().next();
            try {
                object(e.getKey(), e.getValue(), loc, false);
            } catch (RuntimeException ex) {
                loc.mark(Verdict.UNRECOGNIZED, ex.getMessage() == null ? "cannot read this object" : ex.getMessage());
            }
        }
        for (NftRuleset.Removed r : rs.removed) r.loc().mark(Verdict.IGNORED, r.why());
        return rs;
    }

    private void object(String kind, JsonNode v, Loc loc, boolean insert) {
        switch (kind) {
            case "metainfo" -> loc.mark(Verdict.IGNORED, "metainfo");
            case "add", "create", "insert" -> {
                if (!v.isObject() || v.size() != 1) throw new IllegalArgumentException("'" + kind + "' needs one object");
                Map.Entry<String, JsonNode> e = v.fields().next();
                object(e.getKey(), e.getValue(), loc, kind.equals("insert"));
            }
            case "flush" -> {
                if (v.has("ruleset")) {
                    rs.flush(loc, null);
                    loc.mark(Verdict.IGNORED, "script command: empties the ruleset before what follows");
                } else {
                    loc.mark(Verdict.UNSUPPORTED, "'flush' of one object is not modelled");
                }
            }
            case "table" -> {
                Table t = rs.table(str(v, "family"), str(v, "name"));
                if (v.has("flags") && v.get("flags").toString().contains("dormant")) {
                    t.dormant = loc;
                    loc.used();
                } else {
                    loc.mark(Verdict.IGNORED, "declares table");
                }
            }
            case "chain" -> {
                Chain c = rs.table(str(v, "family"), str(v, "table")).chain(str(v, "name"));
                c.type = opt(v, "type");
                c.hook = opt(v, "hook");
                c.priority = opt(v, "prio");
                c.policy = opt(v, "policy");
                if (c.decl == null) c.decl = loc;
                if (c.hook != null) {
                    c.order = rs.nextOrder();
                    c.hookLoc = loc;
                    c.policyLoc = loc;
                    JsonNode dev = v.has("dev") ? v.get("dev") : v.get("devices");
                    if (dev != null && dev.isArray()) for (JsonNode d : dev) c.devices.add(d.asText());
                    else if (dev != null && dev.isValueNode()) c.devices.add(dev.asText());
                    c.devicesUnknown = c.devices.isEmpty();
                } else {
                    loc.mark(Verdict.IGNORED, "declares chain " + c.name);
                }
            }
            case "set", "map" -> {
                Table t = rs.table(str(v, "family"), str(v, "table"));
                NamedSet s = t.sets.computeIfAbsent(str(v, "name"), NamedSet::new);
                s.isMap = kind.equals("map");
                s.loc = loc;
                s.type = v.has("type") ? (v.get("type").isArray() ? join(v.get("type")) : v.get("type").asText()) : null;
                if (v.has("flags")) for (JsonNode f : v.get("flags")) s.flags.add(f.asText());
                if (s.flags.contains("dynamic")) s.runtime("a dynamic set: rules add to it at run time");
                if (s.flags.contains("timeout") || v.has("timeout")) s.runtime("its elements time out");
                if (v.has("elem")) elements(s, v.get("elem"));
                loc.used();
            }
            case "element" -> {
                Table t = rs.table(str(v, "family"), str(v, "table"));
                NamedSet s = t.sets.get(str(v, "name"));
                if (s == null) throw new IllegalArgumentException("set " + str(v, "name") + " is not declared");
                if (v.has("elem")) elements(s, v.get("elem"));
                loc.used();
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
                        stmts.add(stmt(x, t, loc));
                    } catch (RuntimeException ex) {
                        if (unread == null) unread = ex.getMessage() == null ? "cannot read this object" : ex.getMessage();
                    }
                }
                if (unread != null) {
                    // its place in the chain is known: keep it with the statements that could be read, read as matching nothing
                    loc.mark(Verdict.UNRECOGNIZED, unread);
                    stmts.add(0, new Unread(unread, List.of()));
                }
                RawRule r = new RawRule(loc, stmts, opt(v, "comment"));
                if (insert) c.rules.add(0, r);
                else c.rules.add(r);
            }
            default -> loc.mark(Verdict.IGNORED, "'" + kind + "' objects do not filter");
        }
    }

    private void elements(NamedSet s, JsonNode elems) {
        for (JsonNode el : elems) {
            if (s.elements.size() >= NftConversions.MAX_ELEMENTS) {
                s.runtime("it has more than " + NftConversions.MAX_ELEMENTS + " elements, not all read");
                return;
            }
            if (el.isObject() && el.has("elem") && (el.get("elem").has("timeout") || el.get("elem").has("expires"))) {
                s.runtime("its elements time out");
            }
            if (s.isMap) {
                if (!el.isArray() || el.size() != 2) throw new IllegalArgumentException("map element is not [key, data]");
                JsonNode d = el.get(1);
                if (d.isObject() && d.size() == 1 && isVerdict(d.fieldNames().next())) {
                    s.elements.add(new Entry(value(el.get(0)), (NftRuleset.Verdict) verdict(d)));
                } else {
                    s.elements.add(new Mapping(value(el.get(0)), value(d)));
                }
            } else {
                s.elements.add(value(el));
            }
        }
    }

    private static boolean isVerdict(String k) {
        return Set.of("accept", "drop", "return", "continue", "jump", "goto", "queue", "reject").contains(k);
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

    private static String join(JsonNode arr) {
        List<String> parts = new ArrayList<>();
        for (JsonNode p : arr) parts.add(p.asText());
        return String.join(" . ", parts);
    }

    private static Stmt verdict(JsonNode x) {
        Map.Entry<String, JsonNode> e = x.fields().next();
        return switch (e.getKey()) {
            case "jump", "goto" -> new NftRuleset.Verdict(e.getKey(), str(e.getValue(), "target"));
            default -> new NftRuleset.Verdict(e.getKey(), null);
        };
    }

    private Stmt stmt(JsonNode x, Table t, Loc loc) {
        if (x.isTextual() && (x.asText().startsWith("jump {") || x.asText().startsWith("goto {"))) return anonymous(x.asText(), t, loc);
        if (!x.isObject() || x.size() != 1) throw new IllegalArgumentException("expression is not an object with one key");
        Map.Entry<String, JsonNode> e = x.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "match" -> {
                String op = v.has("op") ? v.get("op").asText() : "==";
                String key = key(v.get("left"));
                if (key.endsWith(" (masked)")) yield new Match(key.replace(" (masked)", " with a mask"), false, new Single("*"));
                Value val = value(v.get("right"));
                if (op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=")) {
                    if (!(val instanceof Single s)) throw new IllegalArgumentException("'" + op + "' with a set");
                    val = new Single(op + s.text());
                }
                yield new Match(key, op.equals("!="), val);
            }
            case "accept", "drop", "return", "continue", "reject", "queue", "jump", "goto" -> verdict(x);
            case "vmap" -> new VMap(key(v.get("key")), mapData(v.get("data")));
            case "counter", "log", "mangle", "dup", "flow", "secmark", "ct helper", "ct timeout", "ct expectation" -> new Other(e.getKey(), false);
            case "limit", "quota", "ct count", "connlimit" -> {
                boolean over = v != null && v.has("inv") && v.get("inv").asBoolean();
                yield new Other(e.getKey() + (over ? " over" : ""), true, over);
            }
            case "meter" -> {
                boolean filtering = v.toString().contains("\"limit\"") || v.toString().contains("\"quota\"");
                yield new Other("meter", filtering, filtering && v.toString().contains("\"inv\":true"));
            }
            case "set" -> {
                String set = str(v, "set");
                boolean filtering = v.has("stmt") && (v.get("stmt").toString().contains("\"limit\"") || v.get("stmt").toString().contains("\"quota\""));
                yield new SetUpdate(v.has("op") ? v.get("op").asText() : "add", set.startsWith("@") ? set.substring(1) : set, filtering);
            }
            case "notrack" -> new Notrack();
            case "tproxy", "synproxy", "fwd" -> new Undecided(e.getKey());
            case "xt" -> "target".equals(opt(v, "type")) ? new Undecided("xt target") : new Other("xt " + opt(v, "name"), true);
            case "dnat", "snat", "masquerade", "redirect" -> nat(e.getKey(), v);
            default -> throw new IllegalArgumentException("statement '" + e.getKey() + "' is not understood");
        };
    }

    /** nft 1.0.6 writes an anonymous chain as its text; it is read as text, its rules at this object's position. */
    private Stmt anonymous(String text, Table t, Loc loc) {
        SrcFile tmp = new SrcFile(file.display, text, file);
        List<NftLexer.Tok> toks = new ArrayList<>();
        for (NftLexer.Tok tok : NftLexer.lex(tmp)) if (tok.kind() != NftLexer.Kind.EOF) toks.add(tok);
        while (!toks.isEmpty() && toks.get(toks.size() - 1).kind() == NftLexer.Kind.NEWLINE) toks.remove(toks.size() - 1);
        NftStatements.Parsed p = NftStatements.parse(toks, (at, stmts) -> {
            Chain c = t.anonymousChain(loc);
            for (List<NftLexer.Tok> s : stmts) {
                NftStatements.Parsed inner = NftStatements.parse(s, null);
                c.rules.add(new RawRule(loc, inner.stmts(), inner.comment()));
            }
            return c.name;
        });
        if (p.stmts().size() != 1) throw new IllegalArgumentException("anonymous chain text not understood");
        return p.stmts().get(0);
    }

    private Stmt nat(String kind, JsonNode v) {
        if (v == null || v.isNull()) return new Nat(kind, null, null, null, null, null);
        String family = opt(v, "family");
        String port = v.has("port") ? text(value(v.get("port"))) : null;
        JsonNode a = v.get("addr");
        if (a == null) return new Nat(kind, family, null, port, null, null);
        if (a.isObject() && a.has("map")) {
            JsonNode m = a.get("map");
            return new Nat(kind, family, null, port, key(m.get("key")), mapData(m.get("data")));
        }
        return new Nat(kind, family, text(value(a)), port, null, null);
    }

    private static String text(Value v) {
        if (v instanceof Single s) return s.text();
        if (v instanceof Range r) return r.from() + "-" + r.to();
        throw new IllegalArgumentException("a translation to a set is not understood");
    }

    private String key(JsonNode l) {
        if (l == null || !l.isObject() || l.size() != 1) throw new IllegalArgumentException("match without a left-hand side");
        Map.Entry<String, JsonNode> e = l.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "payload" -> v.has("protocol") ? str(v, "protocol") + " " + str(v, "field") : "raw payload";
            case "meta" -> "meta " + str(v, "key");
            case "ct" -> v.has("dir") ? "ct " + str(v, "dir") + " " + (v.has("family") ? str(v, "family") + " " : "") + str(v, "key")
                    : "ct " + str(v, "key");
            case "concat" -> {
                List<String> parts = new ArrayList<>();
                for (JsonNode p : v) parts.add(key(p));
                yield String.join(" . ", parts);
            }
            default -> {
                if (!UNMODELLED_LEFT.contains(e.getKey())) throw new IllegalArgumentException("match on '" + e.getKey() + "' is not understood");
                yield Set.of("&", "|", "^", "<<", ">>").contains(e.getKey()) ? keyOfMasked(v) + " (masked)" : e.getKey();
            }
        };
    }

    private String keyOfMasked(JsonNode v) {
        return v.isArray() && v.size() > 0 && v.get(0).isObject() ? key(v.get(0)) : "expression";
    }

    private Value mapData(JsonNode d) {
        if (d != null && d.isTextual() && d.asText().startsWith("@")) return new Named(d.asText().substring(1));
        if (d == null || !d.has("set")) throw new IllegalArgumentException("map without data");
        List<Value> out = new ArrayList<>();
        for (JsonNode el : d.get("set")) {
            if (!el.isArray() || el.size() != 2) throw new IllegalArgumentException("map element is not [key, data]");
            JsonNode data = el.get(1);
            if (data.isObject() && data.size() == 1 && isVerdict(data.fieldNames().next())) {
                out.add(new Entry(value(el.get(0)), (NftRuleset.Verdict) verdict(data)));
            } else {
                out.add(new Mapping(value(el.get(0)), value(data)));
            }
        }
        return new SetOf(out);
    }

    private Value value(JsonNode r) {
        if (r == null) throw new IllegalArgumentException("match without a right-hand side");
        if (r.isNumber() || r.isBoolean()) return new Single(r.asText());
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
                    StringBuilder s = new StringBuilder();
                    for (JsonNode p : v) s.append(s.length() > 0 ? " . " : "").append(text(value(p)));
                    return new Single(s.toString());
                }
                default -> throw new IllegalArgumentException("value '" + e.getKey() + "' is not understood");
            }
        }
        throw new IllegalArgumentException("value " + LineLedger.clip(r.toString()) + " is not understood");
    }
}
