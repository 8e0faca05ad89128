package io.lyncaudit.importer.fortigate;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.fortigate.FortiTree.Node;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a FortiGate configuration ({@code show}, {@code show full-configuration}, or a backup
 * file) into the neutral policy: one first-match policy per VDOM table, in the order
 * {@code config firewall policy} lists its entries, ending in the implicit deny. A multi-VDOM
 * export is read for one VDOM: the one the deployment's {@code vdom:} (or {@code --vdom}) names;
 * without it such an export is bad input naming its VDOMs. See {@code package-info} for what is
 * modelled and what is approximate.
 */
public final class FortiGateImporter implements Importer {
    public static final String FORMAT = "fortigate";
    /** Larger inputs are refused: a full-configuration of a large unit with 20,000 policies is about 60 MiB. */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    /** Longer lines are unrecognized: FortiOS writes long values (certificates, scripts) over several lines. */
    static final int MAX_LINE = 64 * 1024;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) return false;
        if (text.startsWith("#config-version=FG") || text.contains("\n#config-version=FG") || text.startsWith("#config-version=FW")
                || text.contains("\n#config-version=FW")) {
            return true;
        }
        int score = 0;
        for (String line : text.split("\n", 4000)) {
            String s = line.strip();
            if (s.startsWith("config firewall ") || s.equals("config vdom") || s.equals("config system zone")) score += 2;
            else if (s.startsWith("set srcintf ") || s.startsWith("set dstintf ") || s.startsWith("set srcaddr ") || s.startsWith("set dstaddr ")) score++;
            else if (s.equals("config system global") || s.equals("config system interface")) score++;
            if (score >= 3) return true;
        }
        return false;
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        return importFile(file, displayName, ImportOptions.NONE.withEncoding(encoding));
    }

    @Override
    public ImportResult importFile(Path file, String displayName, ImportOptions options) throws BadInputException {
        ConfigText.Source src = ConfigText.read(file, displayName, options.encoding(), MAX_BYTES, MAX_LINE, "a FortiGate configuration");
        return read(src, displayName, options.vdom());
    }

    private static ImportResult read(ConfigText.Source src, String displayName, String vdom) throws BadInputException {
        String text = src.text();
        LineLedger ledger = LineLedger.ofText(displayName, text);
        FortiTree.Parsed parsed = FortiTree.parse(text, ledger, MAX_LINE);
        Node root = parsed.root();
        if (!ledger.anyUnderstood() && !text.isBlank() && root.kids.isEmpty()) {
            throw new BadInputException(displayName, 0, "not a FortiGate configuration: no config block was found");
        }
        if (!root.kids.isEmpty() && root.kids.stream().noneMatch(k -> k.name.startsWith("firewall ") || k.name.startsWith("system ")
                || k.name.equals("vdom") || k.name.equals("global"))) {
            throw new BadInputException(displayName, 0, "not a FortiGate configuration: no 'config firewall', 'config system', "
                    + "'config vdom' or 'config global' block");
        }
        List<Node> blocks = vdomBlocks(root, ledger, displayName, vdom);
        FortiConfig cfg = FortiConfig.of(blocks, ledger, false);
        FortiConversions.Converted c = new FortiConversions(cfg, builtin(), ledger, parsed.version()).run();
        return new ImportResult(displayName, FORMAT, c.policies(), c.nat(), ConfigText.withNotes(ledger.diagnostics(), src), ledger.counts(),
                Action.DENY);
    }

    /**
     * The config blocks of the VDOM to read. A single-VDOM export is the root VDOM; a multi-VDOM one
     * ({@code config vdom} / {@code edit NAME} blocks holding configuration) needs the VDOM named.
     * The lines of the other VDOMs and of {@code config global} are ignored, saying why.
     */
    private static List<Node> vdomBlocks(Node root, LineLedger ledger, String display, String vdom) throws BadInputException {
        Map<String, List<Node>> vdoms = new LinkedHashMap<>();
        List<Node> top = new ArrayList<>();
        boolean multi = false;
        for (Node b : root.kids) {
            if (b.config && b.name.equals("vdom")) {
                multi = true;
                for (Node e : b.kids) {
                    if (!e.config) vdoms.computeIfAbsent(e.name, k -> new ArrayList<>());
                }
            } else {
                top.add(b);
            }
        }
        if (!multi) {
            if (vdom != null && !vdom.equals("root")) {
                throw new BadInputException(display, 0, "the deployment names VDOM '" + vdom + "', but this export has no VDOMs: it is the "
                        + "configuration of the root VDOM (leave 'vdom:' out, or name root)");
            }
            return root.kids;
        }
        if (vdom == null && vdoms.size() != 1) {
            throw new BadInputException(display, 0, "this FortiGate export holds " + vdoms.size() + " VDOMs (" + String.join(", ", vdoms.keySet())
                    + "), each with its own policy; name the one this firewall is with 'vdom:' in the deployment file (or --vdom)");
        }
        String chosen = vdom != null ? vdom : vdoms.keySet().iterator().next();
        if (!vdoms.containsKey(chosen)) {
            throw new BadInputException(display, 0, "VDOM '" + chosen + "' is not in this export (its VDOMs: " + String.join(", ", vdoms.keySet()) + ")");
        }
        List<Node> out = new ArrayList<>();
        for (Node b : root.kids) {
            if (!(b.config && b.name.equals("vdom"))) {
                String why = b.name.equals("global") ? "global settings: not the policy of a VDOM"
                        : "config " + b.name + " outside any VDOM: not the policy of VDOM " + chosen;
                FortiConfig.markAll(b, ledger, why);
                continue;
            }
            boolean holdsChosen = false;
            for (Node e : b.kids) {
                if (e.config || !e.name.equals(chosen) || e.kids.isEmpty()) continue;
                holdsChosen = true;
            }
            for (int l : b.frame) {
                if (holdsChosen) ledger.used(l);
                else ledger.ignored(l, "the list of VDOMs");
            }
            for (Node e : b.kids) {
                if (e.config) {
                    FortiConfig.markAll(e, ledger, "a block directly inside 'config vdom'");
                    continue;
                }
                if (!e.name.equals(chosen)) {
                    FortiConfig.markAll(e, ledger, "VDOM " + e.name + ": not the VDOM audited (" + chosen + ")");
                    continue;
                }
                for (int l : e.frame) {
                    if (e.kids.isEmpty()) ledger.ignored(l, "the list of VDOMs");
                    else ledger.used(l);
                }
                for (int l = 0; l < e.stmts.size(); l++) {
                    FortiTree.Stmt s = e.stmts.get(l);
                    for (int k = s.first(); k <= s.last(); k++) ledger.unrecognized(k, "a setting directly inside a VDOM entry");
                }
                out.addAll(e.kids);
            }
        }
        return out;
    }

    private static FortiConfig builtinConfig;

    /** The predefined services and groups (the resource {@code predefined-services.conf}), read once. */
    static synchronized FortiConfig builtin() {
        if (builtinConfig == null) {
            try (InputStream in = FortiGateImporter.class.getResourceAsStream("predefined-services.conf")) {
                if (in == null) throw new IllegalStateException("predefined-services.conf is missing from the jar");
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                LineLedger scratch = LineLedger.ofText("predefined-services.conf", text);
                builtinConfig = FortiConfig.of(FortiTree.parse(text, scratch, MAX_LINE).root().kids, null, true);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read predefined-services.conf", e);
            }
        }
        return builtinConfig;
    }
}
