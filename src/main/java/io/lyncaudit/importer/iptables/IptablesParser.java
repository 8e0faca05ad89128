package io.lyncaudit.importer.iptables;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.iptables.IptablesRuleset.Chain;
import io.lyncaudit.importer.iptables.IptablesRuleset.Kind;
import io.lyncaudit.importer.iptables.IptablesRuleset.Neg;
import io.lyncaudit.importer.iptables.IptablesRuleset.RawRule;
import io.lyncaudit.importer.iptables.IptablesRuleset.Table;
import io.lyncaudit.importer.LineLedger.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** First stage: iptables-save lines into the raw model; lines that are not rules get their verdict here. */
final class IptablesParser {
    static final int MAX_LINE = 64 * 1024;

    /** Match modules understood but not modelled: their options are treated as matching every packet. */
    private static final Set<String> UNMODELLED_MODULES = Set.of("limit", "recent", "mac", "set", "physdev", "mark",
            "connmark", "owner", "time", "string", "length", "hashlimit", "connlimit", "addrtype", "pkttype", "tcpmss",
            "dscp", "tos", "ttl", "hl", "policy", "u32", "socket", "rpfilter", "helper", "statistic", "ipv6header", "frag",
            "rt", "esp", "ah", "devgroup", "icmp", "icmp6", "icmpv6", "ecn", "realm", "cgroup", "bpf", "quota", "nfacct",
            "conntrack", "state", "multiport", "iprange", "comment", "tcp", "udp", "sctp", "udplite", "dccp", "cpu", "cluster",
            "osf", "ipvs", "mh", "hbh", "dst", "eui64", "condition", "geoip", "connbytes", "connlabel", "ipcomp", "l2tp");

    /** Modules some of whose options are modelled: an unmodelled option is named with its module. */
    private static final Set<String> PARTLY_MODELLED = Set.of("conntrack", "state", "multiport", "iprange", "comment", "tcp", "udp",
            "sctp", "udplite", "dccp");

    private IptablesParser() {}

    static IptablesRuleset parse(String content, LineLedger ledger) {
        IptablesRuleset rs = new IptablesRuleset();
        if (content.contains("ip6tables-save")) rs.ipv6 = true;
        Table table = null;
        int tableLine = 0;
        String tableText = null;
        int lineNo = 0;
        int start = 0, n = content.length();
        while (start <= n) {
            int end = content.indexOf('\n', start);
            if (end < 0) end = n;
            lineNo++;
            String raw = content.substring(start, end);
            start = end + 1;
            if (end == n && raw.isEmpty()) break;
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (ledger.unreadable(lineNo, line, MAX_LINE)) continue;
            char c = line.charAt(0);
            if (c == '#') {
                ledger.mark(lineNo, line, Verdict.IGNORED, "comment");
            } else if (c == '*') {
                String name = line.substring(1).trim();
                if (name.isEmpty() || name.contains(" ")) {
                    ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "malformed table header");
                } else {
                    if (table != null) missingCommit(ledger, table, tableLine, tableText);
                    table = rs.table(name);
                    tableLine = lineNo;
                    tableText = line;
                    ledger.mark(lineNo, line, Verdict.IGNORED, "start of table " + name);
                }
            } else if (line.equals("COMMIT")) {
                ledger.mark(lineNo, line, table == null ? Verdict.UNRECOGNIZED : Verdict.IGNORED,
                        table == null ? "COMMIT outside a table" : "end of table " + table.name);
                table = null;
            } else if (c == ':') {
                chainLine(table, lineNo, line, ledger);
            } else if (line.startsWith("-A ") || line.startsWith("--append ") || line.startsWith("[")) {
                String body = line;
                if (c == '[') {
                    int close = line.indexOf(']');
                    body = close > 0 ? line.substring(close + 1).strip() : "";
                    if (!body.startsWith("-A ") && !body.startsWith("--append ")) {
                        ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "unknown statement");
                        continue;
                    }
                }
                if (table == null) {
                    ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "rule outside a table (no *filter, *nat ... line before it)");
                    continue;
                }
                ruleLine(rs, table, lineNo, line, body, ledger);
            } else {
                ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "unknown statement");
            }
        }
        if (table != null) missingCommit(ledger, table, tableLine, tableText);
        return rs;
    }

    private static void missingCommit(LineLedger ledger, Table table, int line, String text) {
        ledger.mark(line, text, Verdict.UNSUPPORTED, "table " + table.name + " ends without COMMIT: the export looks truncated "
                + "(iptables-restore would refuse it); its rules are read as far as they go");
    }

    private static void chainLine(Table table, int lineNo, String line, LineLedger ledger) {
        if (table == null) {
            ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "chain outside a table");
            return;
        }
        String[] parts = line.substring(1).trim().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "malformed chain line");
            return;
        }
        Chain ch = table.chains.computeIfAbsent(parts[0], Chain::new);
        ch.policy = parts[1];
        ch.policyLine = lineNo;
        ch.policyText = line;
        if (!parts[1].equals("-") && !parts[1].equals("ACCEPT") && !parts[1].equals("DROP")) {
            ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, "chain policy '" + parts[1] + "' is not ACCEPT or DROP");
        } else if (!parts[1].equals("-")) {
            ledger.used(lineNo, line);
        } else {
            ledger.mark(lineNo, line, Verdict.IGNORED, "declares user chain " + parts[0]);
        }
    }

    private static void ruleLine(IptablesRuleset rs, Table table, int lineNo, String line, String body, LineLedger ledger) {
        List<String> t = tokens(body);
        if (t == null || t.size() < 2) {
            ledger.mark(lineNo, line, Verdict.UNRECOGNIZED, t == null ? "unterminated quote" : "rule without a chain");
            return;
        }
        String chainName = t.get(1);
        Chain chain = table.chains.get(chainName);
        if (chain == null) {
            // iptables-restore refuses a rule in an undeclared chain; keep it, flag it
            chain = table.chains.computeIfAbsent(chainName, Chain::new);
            ledger.mark(lineNo, line, Verdict.UNSUPPORTED, "chain " + chainName + " is not declared with a ':' line");
        }
        RawRule r = new RawRule(lineNo, line);
        String module = null;
        for (int i = 2; i < t.size(); i++) {
            boolean neg = false;
            String o = t.get(i);
            if (o.equals("!")) {
                neg = true;
                if (++i >= t.size()) {
                    r.unrecognized("'!' at the end of the rule");
                    break;
                }
                o = t.get(i);
            }
            String v = i + 1 < t.size() ? t.get(i + 1) : null;
            boolean takesValue = true;
            switch (o) {
                case "-p", "--protocol" -> r.protocol = new Neg(v, neg);
                case "-s", "--source", "--src" -> {
                    r.add(Kind.SOURCE, v, neg);
                    if (v != null && v.indexOf(':') >= 0) rs.ipv6 = true;
                }
                case "-d", "--destination", "--dst" -> {
                    r.add(Kind.DESTINATION, v, neg);
                    if (v != null && v.indexOf(':') >= 0) rs.ipv6 = true;
                }
                case "-i", "--in-interface" -> r.inIface = new Neg(v, neg);
                case "-o", "--out-interface" -> r.outIface = new Neg(v, neg);
                case "-m", "--match" -> module = v;
                case "--dport", "--destination-port" -> r.add(Kind.DESTINATION_PORT, v, neg);
                case "--sport", "--source-port" -> r.add(Kind.SOURCE_PORT, v, neg);
                case "--dports", "--destination-ports" -> r.add(Kind.DESTINATION_PORT, v, neg);
                case "--sports", "--source-ports" -> r.add(Kind.SOURCE_PORT, v, neg);
                case "--ports" -> r.add(Kind.EITHER_PORT, v, neg);
                case "--src-range" -> r.add(Kind.SOURCE_RANGE, v, neg);
                case "--dst-range" -> r.add(Kind.DESTINATION_RANGE, v, neg);
                case "--ctstate", "--state" -> r.add(Kind.STATE, v, neg);
                case "--comment" -> r.comment = v;
                case "--syn" -> {
                    r.syn = !neg;
                    takesValue = false;
                }
                case "-j", "--jump", "-g", "--goto" -> {
                    r.target = v;
                    r.isGoto = o.equals("-g") || o.equals("--goto");
                }
                case "--to-destination" -> r.toDestination = v;
                case "-f", "--fragment" -> {
                    r.unsupported("fragment match", "'" + (neg ? "! " : "") + o + "' (fragment match)");
                    takesValue = false;
                }
                default -> {
                    takesValue = false;
                    int j = i + 1;
                    while (j < t.size() && !t.get(j).startsWith("-") && !t.get(j).equals("!")) j++;
                    String opt = String.join(" ", t.subList(i, j));
                    if (r.target != null) {
                        // target options (--reject-with, --to-ports, --notrack ...) do not change the match
                        if (r.targetOptions == IptablesRuleset.TargetOptions.NONE) r.targetOptions = new IptablesRuleset.TargetOptions(new ArrayList<>(4));
                        r.targetOptions.words.addAll(t.subList(i, j));
                    } else if (o.startsWith("--") && module != null && UNMODELLED_MODULES.contains(module)) {
                        r.unsupported("'" + (neg ? "! " : "") + opt + "' (-m " + module + ")",
                                PARTLY_MODELLED.contains(module) ? "'-m " + module + " " + o + "'" : "'-m " + module + "'");
                    } else {
                        r.unrecognized("unknown option '" + opt + "'");
                    }
                    i = j - 1;
                }
            }
            if (takesValue) {
                if (v == null) {
                    r.unrecognized("option " + o + " without a value");
                    break;
                }
                i++;
            }
        }
        chain.rules.add(r);
    }

    /** Splits on blanks, honouring double quotes and backslash escapes; null when a quote is not closed. */
    static List<String> tokens(String s) {
        if (s.indexOf('"') < 0) return plainTokens(s);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false, any = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (inQuote) {
                if (ch == '\\' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else if (ch == '"') inQuote = false;
                else cur.append(ch);
            } else if (ch == '"') {
                inQuote = true;
                any = true;
            } else if (ch == ' ' || ch == '\t') {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
            }
        }
        if (inQuote) return null;
        if (any || cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** {@link #tokens} for a line without quotes (nearly all of them): backslashes only escape inside quotes, so blanks alone split. */
    private static List<String> plainTokens(String s) {
        List<String> out = new ArrayList<>(24);
        int n = s.length(), i = 0;
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            int start = i;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out;
    }
}
