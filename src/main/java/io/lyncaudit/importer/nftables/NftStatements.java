package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.NatTarget;
import io.lyncaudit.importer.nftables.NftLexer.Kind;
import io.lyncaudit.importer.nftables.NftLexer.Tok;
import io.lyncaudit.importer.nftables.NftRuleset.Entry;
import io.lyncaudit.importer.nftables.NftRuleset.Mapping;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.Nat;
import io.lyncaudit.importer.nftables.NftRuleset.Notrack;
import io.lyncaudit.importer.nftables.NftRuleset.Other;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.SetUpdate;
import io.lyncaudit.importer.nftables.NftRuleset.Single;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.Undecided;
import io.lyncaudit.importer.nftables.NftRuleset.VMap;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import io.lyncaudit.importer.nftables.NftRuleset.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the statements of one rule (nft text syntax, variables already replaced) into the raw
 * model; throws with a readable message on what it does not know. Every selector ({@code ip
 * saddr}, {@code tcp flags}, {@code meta mark}, a concatenation ...) becomes a {@link Match} or
 * {@link VMap}; which of them are modelled is the conversion's business.
 */
final class NftStatements {
    /** Protocols whose next word is a header field ({@code tcp dport}, {@code icmp type}). */
    private static final Set<String> PAYLOAD = Set.of("ip", "ip6", "tcp", "udp", "sctp", "th", "udplite", "dccp", "icmp", "icmpv6",
            "igmp", "ether", "vlan", "arp", "ah", "esp", "comp", "ipcomp", "rt", "rt0", "rt2", "srh", "hbh", "frag", "dst", "mh", "gre",
            "geneve", "vxlan", "auth", "exthdr", "meta", "ct", "osf", "socket", "ipsec", "cgroupv2");
    /** Meta keys written without {@code meta}. */
    private static final Set<String> BARE_META = Set.of("iifname", "oifname", "iif", "oif", "l4proto", "nfproto", "mark", "skuid",
            "skgid", "pkttype", "cpu", "iifgroup", "oifgroup", "cgroup", "iiftype", "oiftype", "ibrname", "obrname", "ibriport",
            "obriport", "rtclassid", "nftrace", "iifkind", "oifkind", "sdif", "sdifname", "time", "day", "hour", "random", "secmark");
    private static final Set<String> VERDICTS = Set.of("accept", "drop", "return", "continue", "queue");
    private static final Set<String> OPS = Set.of("==", "!=", "eq", "ne", "<", ">", "<=", ">=", "lt", "gt", "le", "ge");
    private static final Set<String> BITOPS = Set.of("&", "|", "^", "<<", ">>", "and", "or", "xor", "lshift", "rshift");
    /** Sets nested in sets (a variable holding a set, used in a set) are flattened up to this depth. */
    static final int MAX_NESTING = 64;
    private static final Set<String> NAT_FLAGS = Set.of("persistent", "random", "fully-random", "netmap");
    private static final Pattern RATE = Pattern.compile("(?i)[0-9]+|[0-9]*[a-z]*/[a-z]+|rate|over|until|burst|used|inv|packets|bytes|"
            + "[kmg]?bytes|second|minute|hour|day|week|[0-9]+[kmg]?bytes");

    /** Makes the chain of an anonymous {@code jump { ... }} from its statements; returns its name. */
    interface Anon {
        String chain(Tok at, List<List<Tok>> statements);
    }

    /** The statements and the rule's comment, if any. */
    record Parsed(List<Stmt> stmts, String comment) {}

    private final List<Tok> t;
    private final Anon anon;
    private int i;
    /** An element of a set read by {@link #value} had a timeout. */
    private boolean timeouts;

    private NftStatements(List<Tok> tokens, Anon anon) {
        this.t = tokens;
        this.anon = anon;
    }

    static Parsed parse(List<Tok> tokens, Anon anon) {
        return new NftStatements(tokens, anon).run();
    }

    /** The elements of {@code { ... }} (or of one value), and whether one of them has a timeout. */
    record Elements(List<Value> values, boolean timeouts) {}

    static Elements elements(List<Tok> tokens) {
        NftStatements s = new NftStatements(tokens, null);
        Value v = s.value();
        if (s.i < tokens.size()) throw new IllegalArgumentException("unexpected '" + tokens.get(s.i).text() + "' after the elements");
        return new Elements(v instanceof SetOf so ? so.elements() : List.of(v), s.timeouts);
    }

    /**
     * The verdicts written in the words of a rule that could not be read (accept, drop, reject,
     * return, jump X, goto X; a comment's text is skipped), each once, in order.
     */
    static List<Verdict> writtenVerdicts(List<Tok> tokens) {
        List<Verdict> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Tok w = tokens.get(k);
            Verdict v = null;
            if (w.kind() != Kind.WORD) continue;
            if (w.text().equals("comment")) k++;
            else if (w.is("accept") || w.is("drop") || w.is("reject") || w.is("return")) v = new Verdict(w.text(), null);
            else if ((w.is("jump") || w.is("goto")) && k + 1 < tokens.size() && !tokens.get(k + 1).is("{")) {
                v = new Verdict(w.text(), tokens.get(++k).text());
            }
            if (v != null && !out.contains(v)) out.add(v);
        }
        return out;
    }

    private String peek() {
        return peek(0);
    }

    private String peek(int k) {
        return i + k < t.size() ? t.get(i + k).text() : null;
    }

    private boolean peekIs(String s) {
        return i < t.size() && t.get(i).is(s);
    }

    private Tok nextTok() {
        if (i >= t.size()) throw new IllegalArgumentException("the rule ends too early");
        Tok x = t.get(i++);
        if (x.kind() == Kind.ERROR) throw new IllegalArgumentException(x.text());
        return x;
    }

    private String next() {
        return nextTok().text();
    }

    private void expect(String w) {
        String x = next();
        if (!x.equals(w)) throw new IllegalArgumentException("expected '" + w + "', not '" + x + "'");
    }

    private Parsed run() {
        List<Stmt> out = new ArrayList<>();
        String comment = null;
        while (i < t.size()) {
            Tok tok = nextTok();
            if (tok.kind() == Kind.STRING) throw new IllegalArgumentException("unexpected \"" + tok.text() + "\"");
            String w = tok.text();
            if (tok.kind() == Kind.PUNCT) throw new IllegalArgumentException("unexpected '" + w + "'");
            switch (w) {
                case "counter" -> {
                    if ("name".equals(peek())) {
                        i++;
                        next();
                    } else {
                        skipPairs("packets", "bytes");
                    }
                    out.add(new Other("counter", false));
                }
                case "log" -> {
                    while (peek() != null && Set.of("prefix", "level", "flags", "group", "snaplen", "queue-threshold").contains(peek())) {
                        String opt = next();
                        String val = next();
                        if (opt.equals("flags") && (val.equals("tcp") || val.equals("ip"))) next();
                    }
                    out.add(new Other("log", false));
                }
                case "limit", "quota" -> {
                    boolean over = false;
                    if ("name".equals(peek())) {
                        i++;
                        next();
                    } else {
                        over = skipRate();
                    }
                    out.add(new Other(w + (over ? " over" : ""), true, over));
                }
                case "meter" -> {
                    next();
                    if ("size".equals(peek())) {
                        i++;
                        next();
                    }
                    int from = i;
                    boolean filtering = skipBlock();
                    boolean over = false;
                    for (int k = from; k < i; k++) over |= t.get(k).is("over");
                    out.add(new Other("meter", filtering, filtering && over));
                }
                case "comment" -> comment = next();
                case "reject" -> {
                    if ("with".equals(peek())) {
                        i++;
                        String kind = next();
                        if ("type".equals(peek())) i++;
                        if (!kind.equals("tcp") || "reset".equals(peek())) {
                            if (peek() != null && !peek().equals("comment")) next();
                        }
                    }
                    out.add(new Verdict("reject", null));
                }
                case "queue" -> {
                    while (peek() != null && Set.of("flags", "num", "to").contains(peek())) {
                        i++;
                        next();
                        while (",".equals(peek())) {
                            i++;
                            next();
                        }
                    }
                    out.add(new Verdict("queue", null));
                }
                case "jump", "goto" -> {
                    if (peekIs("{")) out.add(new Verdict(w, anonymous(tok)));
                    else out.add(new Verdict(w, next()));
                }
                case "dnat", "snat" -> out.add(nat(w));
                case "masquerade", "redirect" -> {
                    String port = null;
                    if ("to".equals(peek())) {
                        i++;
                        String p = next();
                        if (p.equals(":")) p = next();
                        port = p.startsWith(":") ? p.substring(1) : p;
                    }
                    natFlags();
                    out.add(new Nat(w, null, null, port, null, null));
                }
                case "notrack" -> out.add(new Notrack());
                case "add", "update", "delete" -> {
                    String set = next();
                    if (!set.startsWith("@")) throw new IllegalArgumentException("'" + w + "' without a set (@name)");
                    boolean filtering = peekIs("{") && skipBlock();
                    out.add(new SetUpdate(w, set.substring(1), filtering));
                }
                case "tproxy", "synproxy", "fwd" -> {
                    skipArgs();
                    out.add(new Undecided(w));
                }
                case "dup" -> {
                    skipArgs();
                    out.add(new Other("dup", false));
                }
                case "flow" -> {
                    next();
                    next();
                    out.add(new Other("flow offload", false));
                }
                case "xt" -> {
                    String kind = next();
                    next();
                    out.add(kind.equals("target") ? new Undecided("xt target") : new Other("xt " + kind, true));
                }
                case "fib" -> out.add(fib());
                case "set" -> {
                    // set add ip saddr @blacklist (old syntax)
                    String op = next();
                    while (peek() != null && !peek().startsWith("@")) next();
                    String set = next();
                    out.add(new SetUpdate(op, set.substring(1), false));
                }
                default -> {
                    if (VERDICTS.contains(w)) {
                        out.add(new Verdict(w, null));
                    } else if (PAYLOAD.contains(w) || BARE_META.contains(w)) {
                        i--;
                        out.add(selectorStatement());
                    } else {
                        throw new IllegalArgumentException("unknown statement '" + w + "'");
                    }
                }
            }
        }
        return new Parsed(out, comment);
    }

    /** A selector at the start of a statement: a match, a verdict map, a set statement or {@code ct count}. */
    private Stmt selectorStatement() {
        if ("ct".equals(peek()) && "count".equals(peek(1))) {
            i += 2;
            boolean over = false;
            if ("name".equals(peek())) {
                i++;
                next();
            } else {
                over = "over".equals(peek());
                if (over) i++;
                next();
            }
            return new Other("ct count" + (over ? " over" : ""), true, over);
        }
        String key = selector();
        StringBuilder k = new StringBuilder(key);
        while (".".equals(peek())) {
            i++;
            k.append(" . ").append(selector());
        }
        if ("vmap".equals(peek())) {
            i++;
            return new VMap(k.toString(), value());
        }
        if ("set".equals(peek())) {
            i++;
            setValue();
            return new Other(k + " set", false);
        }
        if (peek() != null && BITOPS.contains(peek())) {
            // a masked selector (ct mark & 0xff == 1, tcp flags & (syn | ack) == syn): not modelled, its protocol still holds
            while (peek() != null && BITOPS.contains(peek())) {
                i++;
                value();
            }
            if (peek() != null && OPS.contains(peek())) i++;
            value();
            return new Match(k + " with a mask", false, new Single("*"));
        }
        if ("exists".equals(peek()) || "missing".equals(peek())) {
            i++;
            return new Other("'" + k + " " + t.get(i - 1).text() + "'", true);
        }
        boolean neg = false;
        String op = peek();
        if ("!=".equals(op) || "ne".equals(op)) {
            neg = true;
            i++;
        } else if ("==".equals(op) || "eq".equals(op)) {
            i++;
        } else if (op != null && OPS.contains(op)) {
            i++;
            String v = next();
            String sym = switch (op) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "le" -> "<=";
                case "ge" -> ">=";
                default -> op;
            };
            return new Match(k.toString(), false, new Single(sym + v));
        }
        return new Match(k.toString(), neg, value());
    }

    /** One selector: {@code ip saddr}, {@code tcp dport}, {@code meta l4proto}, {@code iifname}, {@code ct original ip saddr} ... */
    private String selector() {
        String w = next();
        if (BARE_META.contains(w)) return "meta " + w;
        if (!PAYLOAD.contains(w)) throw new IllegalArgumentException("'" + w + "' is not a selector");
        String f = next();
        if (w.equals("ct") && (f.equals("original") || f.equals("reply"))) {
            String g = next();
            if (g.equals("ip") || g.equals("ip6")) g = g + " " + next();
            return "ct " + f + " " + g;
        }
        if ((w.equals("tcp") || w.equals("ip")) && f.equals("option") || w.equals("exthdr") || w.equals("ip6") && f.equals("exthdr")) {
            // tcp option maxseg size, ip option rr type, exthdr frag frag-off ...
            StringBuilder k = new StringBuilder(w + " " + f);
            while (peek() != null && !OPS.contains(peek()) && !Set.of("set", "exists", "missing", "vmap", ".").contains(peek())
                    && peek().matches("[a-z][a-z0-9-]*") && k.length() < 80) {
                k.append(' ').append(next());
            }
            return k.toString();
        }
        return w + " " + f;
    }

    /** The value of a {@code set} statement: a selector (with a map) or a literal, with bit operations. */
    private void setValue() {
        while (true) {
            if (peek() != null && (PAYLOAD.contains(peek()) || BARE_META.contains(peek()) || peek().equals("numgen")
                    || peek().equals("jhash") || peek().equals("symhash"))) {
                if (peek().equals("numgen") || peek().equals("jhash") || peek().equals("symhash")) {
                    next();
                    while (peek() != null && !Set.of("map", "comment", "accept", "drop", "counter").contains(peek())
                            && !BITOPS.contains(peek()) && !peekIs(";")) next();
                } else {
                    selector();
                }
                if ("map".equals(peek())) {
                    i++;
                    value();
                }
            } else {
                value();
            }
            if (peek() == null || !BITOPS.contains(peek())) return;
            i++;
        }
    }

    /** {@code fib saddr . iif oif missing}: not modelled. */
    private Stmt fib() {
        while (peek() != null && Set.of("saddr", "daddr", "mark", "iif", "oif", ".").contains(peek())) i++;
        String result = next();
        if ("vmap".equals(peek())) {
            i++;
            value();
            return new Other("fib " + result + " vmap", true);
        }
        if (peek() != null && OPS.contains(peek())) i++;
        if (peek() != null && !VERDICTS.contains(peek()) && !"comment".equals(peek()) && !"counter".equals(peek())) value();
        // a route lookup the traffic of a crossing normally passes (reverse path, address type)
        return new Other("fib", true, true);
    }

    /** {@code dnat|snat [ip|ip6] [addr . port] to ADDR[:PORT]} or {@code ... to KEY map VALUE}. */
    private Stmt nat(String kind) {
        String family = null;
        if (("ip".equals(peek()) || "ip6".equals(peek())) && ("to".equals(peek(1)) || "addr".equals(peek(1)) || "prefix".equals(peek(1)))) {
            family = next();
        }
        if ("addr".equals(peek())) {
            i++;
            expect(".");
            expect("port");
        } else if ("prefix".equals(peek())) {
            i++;
        }
        expect("to");
        String p = peek();
        if (p != null && i < t.size() && t.get(i).kind() == Kind.WORD && (PAYLOAD.contains(p) || BARE_META.contains(p))) {
            StringBuilder key = new StringBuilder(selector());
            while (".".equals(peek())) {
                i++;
                key.append(" . ").append(selector());
            }
            expect("map");
            Value map = value();
            natFlags();
            return new Nat(kind, family, null, null, key.toString(), map);
        }
        String to = next();
        NatTarget target = NatTarget.parse(to);
        String addr = target.address(), port = target.port();
        if ("-".equals(peek()) && addr != null && port == null) {
            // 10.0.0.1 - 10.0.0.9
            i++;
            addr = addr + "-" + next();
        }
        if (port == null && peek() != null && peek().startsWith(":")) {
            String q = next();
            port = q.length() > 1 ? q.substring(1) : next();
        }
        if (port != null && port.isEmpty()) throw new IllegalArgumentException("'" + to + "': port missing after ':'");
        natFlags();
        return new Nat(kind, family, addr, port, null, null);
    }

    private void natFlags() {
        while (peek() != null && (NAT_FLAGS.contains(peek()) || ",".equals(peek()))) i++;
    }

    /** The chain of {@code jump { ... }}: its statements, split at newlines and ';'. */
    private String anonymous(Tok at) {
        i++; // {
        List<List<Tok>> stmts = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int depth = 0;
        while (true) {
            Tok x = nextTok();
            if (depth == 0 && x.is("}")) break;
            if (x.is("{")) depth++;
            if (x.is("}")) depth--;
            if (depth == 0 && x.separator()) {
                if (!cur.isEmpty()) stmts.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            if (x.kind() == Kind.NEWLINE) continue;
            cur.add(x);
        }
        if (!cur.isEmpty()) stmts.add(cur);
        if (anon == null) throw new IllegalArgumentException("an anonymous chain is not allowed here");
        return anon.chain(at, stmts);
    }

    /** Skips a braced block; true when a statement in it may stop the rule (limit, quota, ct count). */
    private boolean skipBlock() {
        if (!peekIs("{")) throw new IllegalArgumentException("expected '{'");
        int depth = 0;
        boolean filtering = false;
        do {
            Tok x = nextTok();
            if (x.is("{")) depth++;
            if (x.is("}")) depth--;
            filtering |= x.is("limit") || x.is("quota") || x.is("count");
        } while (depth > 0);
        return filtering;
    }

    /** Skips the arguments of a statement up to the next verdict or comment. */
    private void skipArgs() {
        while (peek() != null && !VERDICTS.contains(peek()) && !Set.of("comment", "counter", "log", "jump", "goto", "reject").contains(peek())) {
            if (peekIs("{")) skipBlock();
            else i++;
        }
    }

    /** Skips the arguments of limit or quota; true when they say {@code over}. */
    private boolean skipRate() {
        boolean over = false;
        while (peek() != null && t.get(i).kind() == Kind.WORD && RATE.matcher(peek()).matches()) over |= t.get(i++).text().equals("over");
        return over;
    }

    private void skipPairs(String... keys) {
        Set<String> ks = Set.of(keys);
        while (peek() != null && ks.contains(peek())) {
            i++;
            next();
        }
    }

    /** One value: a literal (with {@code a - b} and {@code a,b} lists), {@code @name}, or a braced set (of map entries). */
    private Value value() {
        Tok x = nextTok();
        if (x.is("{")) {
            List<Value> els = new ArrayList<>();
            elementsInto(els, 1);
            return new SetOf(els);
        }
        if (x.is("(")) {
            StringBuilder s = new StringBuilder("(");
            int depth = 1;
            while (depth > 0) {
                Tok y = nextTok();
                if (y.is("(")) depth++;
                if (y.is(")")) depth--;
                s.append(y.text());
            }
            return new Single(s.toString());
        }
        if (x.kind() == Kind.PUNCT) throw new IllegalArgumentException("unexpected '" + x.text() + "'");
        if (x.text().startsWith("@")) return new Named(x.text().substring(1));
        StringBuilder s = new StringBuilder(x.text());
        if ("-".equals(peek()) && i + 1 < t.size() && t.get(i + 1).kind() != Kind.PUNCT) {
            i++;
            s.append('-').append(next());
        }
        while (",".equals(peek()) && i + 1 < t.size() && t.get(i + 1).kind() == Kind.WORD && !t.get(i + 1).text().startsWith("@")) {
            i++;
            s.append(',').append(next());
        }
        return new Single(s.toString());
    }

    /** The elements of a braced set up to its '}': {@code key [. key]... [: verdict|data] [timeout T] [comment "c"]}; nested sets are flattened. */
    private void elementsInto(List<Value> els, int depth) {
        if (depth > MAX_NESTING) throw new IllegalArgumentException("sets nested deeper than " + MAX_NESTING);
        while (true) {
            Tok x = nextTok();
            if (x.is("}")) return;
            if (x.is(",") || x.kind() == Kind.NEWLINE) continue;
            if (x.is("{")) {
                elementsInto(els, depth + 1);
                continue;
            }
            i--;
            String key = term();
            while (".".equals(peek())) {
                i++;
                key = key + " . " + term();
            }
            Value k = key.startsWith("@") ? new Named(key.substring(1)) : new Single(key);
            // 22:accept written without blanks
            int colon = key.lastIndexOf(':');
            if (colon > 0 && !":".equals(peek()) && isVerdictWord(key.substring(colon + 1))) {
                String vw = key.substring(colon + 1);
                els.add(new Entry(new Single(key.substring(0, colon)),
                        new Verdict(vw, vw.equals("jump") || vw.equals("goto") ? next() : null)));
            } else if (":".equals(peek())) {
                i++;
                if (peek() != null && isVerdictWord(peek())) {
                    els.add(new Entry(k, verdict()));
                } else {
                    String data = term();
                    while (".".equals(peek())) {
                        i++;
                        data = data + " . " + term();
                    }
                    els.add(new Mapping(k, new Single(data)));
                }
            } else {
                els.add(k);
            }
            // element options
            while (peek() != null && Set.of("timeout", "expires", "comment", "counter").contains(peek())) {
                String opt = next();
                if (opt.equals("counter")) skipPairs("packets", "bytes");
                else next();
                timeouts |= opt.equals("timeout") || opt.equals("expires");
            }
        }
    }

    private static boolean isVerdictWord(String w) {
        return VERDICTS.contains(w) || w.equals("jump") || w.equals("goto") || w.equals("reject");
    }

    private Verdict verdict() {
        String v = next();
        if (v.equals("jump") || v.equals("goto")) return new Verdict(v, next());
        return new Verdict(v, null);
    }

    /** One element term: a word or string, with {@code a - b} as one range. */
    private String term() {
        Tok x = nextTok();
        if (x.kind() == Kind.PUNCT) throw new IllegalArgumentException("unexpected '" + x.text() + "' in a set");
        String s = x.text();
        if ("-".equals(peek()) && i + 1 < t.size() && t.get(i + 1).kind() != Kind.PUNCT) {
            i++;
            s = s + "-" + next();
        }
        return s;
    }

}
