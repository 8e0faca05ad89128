/**
 * Imports nftables rulesets into the stages of the packet path, in two stages: the first reads the
 * raw model ({@link io.lyncaudit.importer.nftables.NftRuleset}: tables, chains, sets, maps, rules as
 * statements) from {@code nft list ruleset} text and {@code nft -f} source files
 * ({@link io.lyncaudit.importer.nftables.NftSource} reads includes and variables,
 * {@link io.lyncaudit.importer.nftables.NftLexer} the tokens,
 * {@link io.lyncaudit.importer.nftables.NftTextParser} the block and command forms,
 * {@link io.lyncaudit.importer.nftables.NftStatements} a rule's statements) or from
 * {@code nft -j list ruleset} JSON ({@link io.lyncaudit.importer.nftables.NftJsonParser}); then
 * {@link io.lyncaudit.importer.nftables.NftMatches} reads each rule's conditions and
 * {@link io.lyncaudit.importer.nftables.NftConversions} turns the chains into first-match policies, one per
 * stage, that the one evaluator walks ({@code PolicyEvaluator.evaluate(ImportResult, ...)}).
 *
 * <p>Decisions:
 * <ul>
 *   <li><b>Stages.</b> Every base chain of the ip, ip6 and inet families is a stage at its hook
 *       ({@link io.lyncaudit.policy.Hook}; input is the path to the box, output the path from it),
 *       named {@code "family table chain"}. Within a hook, stages are listed in priority order
 *       (lower first), priorities read as nft(8) defines them: a number, a standard name (raw -300,
 *       mangle -150, dstnat -100, filter 0, security 50, srcnat 100; for the bridge family dstnat
 *       -300, filter -200, out 100, srcnat 300) or a name plus or minus a number; ties keep the
 *       order the chains were declared in (the order the kernel registers them). An unknown priority
 *       is read as 0 and diagnosed. {@code accept} ends only its base chain; {@code drop} and
 *       {@code reject} are final. A chain's policy is its default. A hook without base chains lets
 *       everything through: the import's unbound default is permit. A dormant table
 *       ({@code flags dormant}) filters nothing.</li>
 *   <li><b>Families.</b> An ip table's stages see IPv4 only and an ip6 table's IPv6 only (their
 *       policies are scoped); inet, netdev and bridge tables see both. A netdev {@code ingress}
 *       chain (and an inet {@code ingress} chain) is an ingress stage per device, bound to it
 *       ({@code devices = { eth0, eth1 }}: one policy each); a netdev {@code egress} chain is the
 *       last stage of the postrouting hook, bound to its device on the way out. The arp family does
 *       not filter IP and is ignored with a diagnostic.</li>
 *   <li><b>Bridge chains</b> see only frames that cross a bridge: a routed packet never meets them,
 *       but whether the interfaces of a crossing are bridge ports is not in the ruleset. Such a
 *       chain is a stage (prerouting and input before the IP hooks, forward beside forward, output
 *       and postrouting after them) that permits everything for sure, each of its drops (its drop
 *       policy too) standing as a deny rule that matches nothing for sure but may match what the
 *       drop may: every verdict it could change is uncertain, none is made up. An ingress chain
 *       whose devices the export does not name (the JSON of nft 1.0.6) is read the same way.</li>
 *   <li><b>NAT.</b> The nat chains of a hook run from the NAT core's own hook, at dstnat (-100) on
 *       prerouting and output and srcnat (100) on input and postrouting, in their priority order,
 *       and only until one of them sets up a translation: they are one stage. In it {@code accept}
 *       moves on to the next nat chain, {@code drop} is final, a chain's drop policy drops what
 *       reaches its end, {@code dnat} and {@code redirect} permit with a
 *       {@link io.lyncaudit.policy.Translation} (every later stage sees the new destination; a
 *       redirect goes to the box itself), {@code snat} and {@code masquerade} permit without one
 *       (no later stage is judged on the source). A translation reads one address and one port:
 *       for a range the first, and the rule is uncertain. {@code dnat to KEY map { ... }} is one
 *       translating rule per element. Static dnat to one address is also recorded as a
 *       {@code NatRule} for the deployment's NAT check (the public address from the rule's
 *       {@code ip daddr}, or a map's keys).</li>
 *   <li><b>Connection state.</b> The audit asks about a new connection's first packet: a rule whose
 *       {@code ct state} excludes {@code new} (and {@code untracked}) is ignored. {@code notrack} in
 *       a prerouting or output chain before connection tracking (priority below -200) untracks what
 *       it matches: those packets skip the nat stages and meet {@code ct state untracked}, not
 *       {@code new}; notrack after connection tracking does nothing (diagnosed); at the ingress hook
 *       it may untrack (uncertain). Before connection tracking (ingress, and priorities below -200)
 *       a {@code ct state} match is not modelled: read as matching every state, uncertainly.</li>
 *   <li><b>Interfaces.</b> {@code iif}, {@code iifname}, {@code oif}, {@code oifname} (with sets)
 *       become the rule's zones. Before routing (ingress, prerouting, input) there is no output
 *       interface: an {@code oifname} match never matches there. A negated interface, a wildcard
 *       ({@code "eth*"}) or an interface set filled at run time cannot be zones: the condition is
 *       dropped and the rule is uncertain.</li>
 *   <li><b>Chains, maps, sets.</b> Regular chains (and anonymous {@code jump { ... }} chains) are
 *       inlined under the jumping rule; {@code return} and the end of a {@code goto}'s chain as in
 *       iptables. Verdict maps become one rule per element. Concatenations ({@code ip saddr . tcp
 *       dport { 10.0.0.1 . 22, ... }}, in sets, maps and verdict maps) are read exactly, one box per
 *       element, where every part is a modelled selector; a part that is not modelled is dropped
 *       from the reading (uncertain). A set filled at run time (flag {@code dynamic}, elements that
 *       time out, a set that {@code add @set} / {@code update @set} statements fill) is read with
 *       the elements listed, uncertainly: the device may match any value of that selector.
 *       {@code add @set} and {@code update @set} filter nothing themselves.</li>
 *   <li><b>What is not modelled</b> makes rules uncertain, soundly (see
 *       {@link io.lyncaudit.importer.MatchSpan}): a header field that is not a dimension of the
 *       model ({@code icmp type}, {@code tcp flags}, {@code meta mark}, {@code ct mark} ...) is read
 *       as matching every value, keeping the protocol and family it implies; {@code limit} and
 *       {@code quota} likewise, except {@code ... over} (and {@code ct count over}, a metered
 *       {@code over}, and {@code fib}), which select unusual packets and are read as matching none;
 *       a rule that cannot be read stays at its place matching nothing but possibly what its
 *       readable conditions allow; a verdict that is not modelled ({@code queue}, {@code tproxy},
 *       {@code synproxy}, {@code fwd}, a skipped jump, a rule whose place is given by a handle, a
 *       rule deleted or replaced by handle) may go either way: a permit and a deny rule that match
 *       nothing stand for it.</li>
 *   <li><b>Source files.</b> {@code define}, {@code redefine} and {@code undefine} are read as nft
 *       reads them (a definition is seen in its block and the blocks inside it, from where it is
 *       written; values are taken when written), {@code $NAME} anywhere; an undefined variable is an
 *       unrecognized line naming it (its rule stays in place, uncertain). A definition a statement
 *       uses is a used line, one never used is ignored with a message. {@code include} reads files
 *       relative to the including file (wildcards in the file name, in name order, dot files
 *       skipped); a missing file, an include loop, nesting deeper than
 *       {@value io.lyncaudit.importer.nftables.NftSource#MAX_INCLUDE_DEPTH} or a file outside the
 *       export's directory is bad input naming the including file and line; an absolute path is
 *       looked for under the export's directory by its trailing components. Each file keeps its own
 *       line numbers (rules and diagnostics name it). {@code flush ruleset}, {@code flush table},
 *       {@code flush chain}, {@code delete table}, {@code delete chain} remove what came before
 *       (those lines are diagnosed as removed).</li>
 *   <li><b>Limits</b> against hostile input: {@value io.lyncaudit.importer.nftables.NftLexer#MAX_LINE}
 *       characters per line (a longer line is bad input before the lexer sees the text), {@value io.lyncaudit.importer.nftables.NftSource#MAX_FILES} included
 *       files and 512 MiB of input in all, a variable's value at most
 *       {@value io.lyncaudit.importer.nftables.NftSource#MAX_DEFINE_TOKENS} tokens and all
 *       expansions {@value io.lyncaudit.importer.nftables.NftSource#MAX_EXPANDED} tokens,
 *       {@value io.lyncaudit.importer.nftables.NftConversions#MAX_ELEMENTS} elements per set,
 *       {@value io.lyncaudit.importer.nftables.NftMatches#MAX_BOXES} boxes per concatenation,
 *       jumps {@value io.lyncaudit.importer.nftables.NftConversions#MAX_DEPTH} deep,
 *       {@value io.lyncaudit.importer.nftables.NftConversions#MAX_RULES} flattened rules and
 *       {@value io.lyncaudit.importer.nftables.NftConversions#MAX_VISITS} rule visits.</li>
 * </ul>
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the shared
 * {@code io.lyncaudit.importer} classes (the {@code Importer} interface, the text reader, the line
 * ledger, {@code MatchSpan}) and Jackson (for the JSON form); never on another importer.
 */
package io.lyncaudit.importer.nftables;
