/**
 * Imports nftables rulesets, as {@code nft list ruleset} text or {@code nft -j list ruleset} JSON,
 * into the neutral policy in two stages: {@link io.lyncaudit.importer.nftables.NftTextParser} or
 * {@link io.lyncaudit.importer.nftables.NftJsonParser} read the raw model
 * ({@link io.lyncaudit.importer.nftables.NftRuleset}: tables, chains, sets, maps, rules as
 * statements), then {@link io.lyncaudit.importer.nftables.NftConversions} turns it into first-match
 * policies.
 *
 * <p>Decisions: every base chain on the forward hook (type filter) is one unbound first-match
 * policy named {@code "family table chain"}; several of them all have to accept, as in the
 * kernel. A table of family {@code ip} sees IPv4 packets only and one of {@code ip6} IPv6 only, so
 * their policies are scoped to that family; {@code inet} sees both. Base chains on the input hook
 * are bound to the host pseudo-interface ({@code host}, direction out), as for iptables. Regular chains are inlined under {@code jump}/{@code goto}, with
 * {@code return} semantics as in iptables. Verdict maps become one rule per verdict. Connection
 * state: rules that cannot match a new connection ({@code ct state established,related}) are
 * ignored; {@code dnat to} in a nat chain becomes a {@code NatRule} (the forward hook sees the
 * real address). Concatenated matches ({@code ip saddr . tcp dport}) are not modelled: the rule is
 * reported as unsupported and read as matching nothing.
 *
 * <p>What is not modelled exactly makes rules uncertain, soundly, as for iptables (see
 * {@link io.lyncaudit.importer.MatchSpan}): an ignored expression ({@code meta mark}, {@code ct mark},
 * {@code limit}, ICMP types, a negated interface ...) makes its rule, or each verdict of its map,
 * match more than the device may; a jump, goto or return depending on one makes the rules it leads
 * to, or the rules after it, uncertain with the packets that may reach them. A rule that cannot be
 * read (a concatenation, an unknown statement or set) stays at its place, for each verdict written in
 * it, as a rule matching nothing that may match what its readable conditions allow. A verdict that
 * may decide but is not modelled ({@code queue}, a skipped jump) may go either way: a permit and a
 * deny rule that match nothing stand for it, so the rules after it and the chain policy become
 * uncertain for what may reach it.
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the shared
 * {@code io.lyncaudit.importer} classes (the {@code Importer} interface, the text reader, the line
 * ledger, {@code MatchSpan}) and Jackson (for the JSON form); never on another importer.
 */
package io.lyncaudit.importer.nftables;
