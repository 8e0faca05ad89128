package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.RandomChains;
import io.lyncaudit.importer.RandomChains.Flaw;
import io.lyncaudit.importer.RandomChains.Flaws;
import io.lyncaudit.importer.RandomChains.Rule;
import io.lyncaudit.importer.RandomChains.Ruleset;
import io.lyncaudit.importer.RandomChains.Verdict;
import io.lyncaudit.policy.Uncertainty;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soundness of the uncertainty marks across jump, goto, return and verdict maps: random rulesets
 * (a forward base chain and two regular chains) where some rules match {@code meta mark} (not
 * modelled), cannot be read (an unknown statement: only the verdict is kept), negate an interface,
 * or map {@code meta mark} to verdicts, and returns inside regular chains may be limited to an
 * interface. The oracle ({@link RandomChains}) walks the chains with a random truth for every
 * unmodelled condition per packet; a decision {@link Uncertainty} calls certain must be the oracle's.
 */
class NftUncertaintySoundnessTest {
    static final long SEED = 20261126L;
    static final int PACKETS = 60;
    static final String[] CHAINS = {"forward", "u1", "u2"};
    /**
     * In 16 rules: two with {@code meta mark}, one that cannot be read (only with a verdict: an
     * unreadable rule keeps its verdict), one verdict map on the mark, two negated interfaces.
     */
    static final Flaws FLAWS = new Flaws(16, List.of(Flaw.MARK, Flaw.MARK, Flaw.UNREADABLE, Flaw.MARK_VMAP, Flaw.NOT_IFACE,
            Flaw.NOT_IFACE), EnumSet.complementOf(EnumSet.of(Verdict.CONTINUE)));

    @TempDir
    Path tmp;

    @Test
    void aDecisionCalledCertainIsWhatTheKernelDoesWhateverTheUnmodelledConditionsAre() throws Exception {
        RandomChains.assertSound(SEED, PACKETS, new RandomChains.Dialect(FLAWS, NftUncertaintySoundnessTest::render,
                (t, text) -> Nft.load(tmp, "s" + t + ".nft", text), "ip filter forward"));
    }

    static String render(Ruleset rules) {
        StringBuilder b = new StringBuilder("table ip filter {\n");
        for (int c = 0; c < CHAINS.length; c++) {
            b.append("\tchain ").append(CHAINS[c]).append(" {\n");
            if (c == 0) b.append("\t\ttype filter hook forward priority filter; policy ").append(rules.drop() ? "drop" : "accept").append(";\n");
            for (Rule r : rules.chains().get(c)) {
                StringBuilder l = new StringBuilder("\t\t");
                if (r.flaw() == Flaw.UNREADABLE) l.append("frob 1 ");
                if (r.iface() != null) l.append("iifname ").append(r.flaw() == Flaw.NOT_IFACE ? "!= " : "").append('"').append(r.iface()).append("\" ");
                if (r.dLo() >= 0) l.append("ip daddr 10.0.0.").append(r.dLo()).append(r.dHi() != r.dLo() ? "-10.0.0." + r.dHi() : "").append(' ');
                String l4 = r.proto() == RandomChains.TCP ? "tcp" : "udp";
                if (r.port() != 0) l.append(l4).append(" dport ").append(r.port()).append(' ');
                else if (r.proto() != 0) l.append("meta l4proto ").append(l4).append(' ');
                if (r.flaw() == Flaw.MARK) l.append("meta mark 0x00000001 ");
                l.append(r.flaw() == Flaw.MARK_VMAP ? "meta mark vmap { 0x00000001 : accept, 0x00000002 : drop }" : switch (r.verdict()) {
                    case ACCEPT -> "accept";
                    case DROP -> "drop";
                    case CONTINUE -> "counter packets 0 bytes 0";
                    case RETURN -> "return";
                    case JUMP -> "jump " + CHAINS[r.target()];
                    case GOTO -> "goto " + CHAINS[r.target()];
                });
                b.append(l).append('\n');
            }
            b.append("\t}\n\n");
        }
        return b.append("}\n").toString();
    }
}
