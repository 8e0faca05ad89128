package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.nftables.NftRuleset.Dnat;
import io.lyncaudit.importer.nftables.NftRuleset.Entry;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.Other;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.Single;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.VMap;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import io.lyncaudit.importer.nftables.NftRuleset.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the statements of one rule (nft text syntax) into the raw model; throws with a readable message on what it does not know. */
final class NftStatements {
    private static final Set<String> L4 = Set.of("tcp", "udp", "sctp", "th", "udplite", "dccp");
    private static final Set<String> VERDICTS = Set.of("accept", "drop", "return", "continue", "queue");
    private static final Set<String> UNMODELLED = Set.of("icmp", "icmpv6", "ether", "vlan", "arp", "ah", "esp", "comp", "ipcomp",
            "rt", "hbh", "frag", "dst", "mh", "exthdr", "tcpopt", "osf", "fib", "socket", "rt0", "ipsec", "numgen", "jhash", "symhash");

    /** The statements and the rule's comment, if any. */
    record Parsed(List<Stmt> stmts, String comment) {}

    private final List<String> t;
    private int i;

    private NftStatements(List<String> tokens) {
        this.t = tokens;
    }

    static Parsed parse(List<String> tokens) {
        return new NftStatements(tokens).run();
    }

    /**
     * The verdicts written in the words of a rule that could not be read (accept, drop, reject,
     * return, jump X, goto X; a comment's text is skipped), each once, in order.
     */
    static List<Verdict> writtenVerdicts(List<String> tokens) {
        List<Verdict> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String w = tokens.get(k);
            Verdict v = null;
            if (w.equals("comment")) k++;
            else if (w.equals("accept") || w.equals("drop") || w.equals("reject") || w.equals("return")) v = new Verdict(w, null);
            else if ((w.equals("jump") || w.equals("goto")) && k + 1 < tokens.size()) v = new Verdict(w, tokens.get(++k));
            if (v != null && !out.contains(v)) out.add(v);
        }
        return out;
    }

    /** Reads one value (literal, @name or braced set) from tokens. */
    static Value parseValue(List<String> tokens) {
        return new NftStatements(tokens).value();
    }

    private String peek() {
        return i < t.size() ? t.get(i) : null;
    }

    private String next() {
        if (i >= t.size()) throw new IllegalArgumentException("the rule ends too early");
        return t.get(i++);
    }

    private Parsed run() {
        List<Stmt> out = new ArrayList<>();
        String comment = null;
        while (i < t.size()) {
            String w = next();
            switch (w) {
                case "ip", "ip6" -> out.add(matchOrMap(w + " " + next()));
                case "meta" -> out.add(matchOrMap("meta " + next()));
                case "ct" -> out.add(matchOrMap("ct " + next()));
                case "iifname", "oifname", "iif", "oif", "l4proto" -> out.add(matchOrMap(w.equals("l4proto") ? "meta l4proto" : "meta " + w));
                case "counter" -> {
                    skipPairs("packets", "bytes");
                    out.add(new Other("counter", false));
                }
                case "log" -> {
                    skipPairs("prefix", "level", "flags", "group", "snaplen", "queue-threshold");
                    out.add(new Other("log", false));
                }
                case "limit" -> {
                    skipUntilKeyword();
                    out.add(new Other("limit", true));
                }
                case "comment" -> comment = next();
                case "reject" -> {
                    if ("with".equals(peek())) {
                        i++;
                        next();
                        if (peek() != null && !peek().equals("comment")) next();
                    }
                    out.add(new Verdict("reject", null));
                }
                case "jump", "goto" -> out.add(new Verdict(w, next()));
                case "dnat" -> {
                    if ("ip".equals(peek()) || "ip6".equals(peek())) i++;
                    if (!"to".equals(next())) throw new IllegalArgumentException("dnat without 'to'");
                    String to = next();
                    out.add(dnat(to));
                    skipUntilKeyword();
                }
                case "snat", "masquerade", "redirect" -> {
                    skipUntilKeyword();
                    out.add(new Other(w, false));
                }
                case "notrack" -> out.add(new Other(w, false));
                default -> {
                    if (VERDICTS.contains(w)) {
                        out.add(new Verdict(w, null));
                    } else if (L4.contains(w)) {
                        String f = next();
                        if (f.equals("dport") || f.equals("sport")) out.add(matchOrMap(w + " " + f));
                        else out.add(skipMatch(w + " " + f));
                    } else if (UNMODELLED.contains(w)) {
                        out.add(skipMatch(w + " " + next()));
                    } else {
                        throw new IllegalArgumentException("unknown statement '" + w + "'");
                    }
                }
            }
        }
        return new Parsed(out, comment);
    }

    private static Dnat dnat(String to) {
        if (to.startsWith("[")) {
            int close = to.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("'" + to + "' is not an address");
            String port = close + 1 < to.length() && to.charAt(close + 1) == ':' ? to.substring(close + 2) : null;
            return new Dnat(to.substring(1, close), port);
        }
        int colon = to.indexOf(':');
        if (colon >= 0 && colon == to.lastIndexOf(':')) return new Dnat(to.substring(0, colon), to.substring(colon + 1));
        return new Dnat(to, null);
    }

    /** A match that is understood but not modelled: consume its operator and value. */
    private Stmt skipMatch(String key) {
        if (peek() != null && (peek().equals("!=") || peek().equals("==") || peek().equals("set"))) i++;
        value();
        return new Other(key, true);
    }

    private Stmt matchOrMap(String key) {
        StringBuilder k = new StringBuilder(key);
        while (".".equals(peek())) {
            i++;
            String a = next();
            k.append(" . ").append(a);
            if (Set.of("ip", "ip6", "meta", "ct", "tcp", "udp", "th", "sctp").contains(a)) k.append(' ').append(next());
        }
        if ("vmap".equals(peek())) {
            i++;
            return new VMap(k.toString(), value());
        }
        if ("set".equals(peek())) {
            i++;
            value();
            return new Other(k + " set", false);
        }
        boolean neg = false;
        String op = peek();
        if ("!=".equals(op) || "ne".equals(op)) {
            neg = true;
            i++;
        } else if ("==".equals(op) || "eq".equals(op)) {
            i++;
        } else if (op != null && (op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=") || op.equals("lt")
                || op.equals("gt") || op.equals("le") || op.equals("ge"))) {
            i++;
            String v = next();
            return new Match(k.toString(), false, new Single(op + v));
        }
        return new Match(k.toString(), neg, value());
    }

    private Value value() {
        String w = next();
        if (w.equals("{")) {
            List<Value> els = new ArrayList<>();
            while (true) {
                String x = next();
                if (x.equals("}")) break;
                if (x.equals(",")) continue;
                Value key = x.startsWith("@") ? new Named(x.substring(1)) : new Single(x);
                while (".".equals(peek())) {
                    i++;
                    key = new Single(((Single) key).text() + " . " + next());
                }
                if (":".equals(peek())) {
                    i++;
                    String verdict = next();
                    String target = verdict.equals("jump") || verdict.equals("goto") ? next() : null;
                    els.add(new Entry(key, new Verdict(verdict, target)));
                } else {
                    els.add(key);
                }
            }
            return new SetOf(els);
        }
        if (w.startsWith("@")) return new Named(w.substring(1));
        StringBuilder s = new StringBuilder(w);
        while (",".equals(peek()) && i + 1 < t.size()) {
            i++;
            s.append(',').append(next());
        }
        return new Single(s.toString());
    }

    private void skipPairs(String... keys) {
        Set<String> ks = Set.of(keys);
        while (peek() != null && ks.contains(peek())) {
            i++;
            next();
        }
    }

    private static final Set<String> KEYWORDS = Set.of("accept", "drop", "reject", "return", "continue", "jump", "goto", "counter",
            "log", "comment", "queue", "meta", "ip", "ip6", "tcp", "udp", "ct", "limit");

    private void skipUntilKeyword() {
        while (peek() != null && !KEYWORDS.contains(peek())) i++;
    }

    /** Splits a line into words, keeping quoted strings (without quotes) and making braces, commas and ';' words of their own. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '"') {
                int end = s.indexOf('"', k + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated quote");
                cur.append(s, k + 1, end);
                k = end;
                if (cur.length() == 0) out.add("");
            } else if (ch == ' ' || ch == '\t' || ch == '{' || ch == '}' || ch == ',' || ch == ';') {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                if (ch != ' ' && ch != '\t') out.add(String.valueOf(ch));
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
