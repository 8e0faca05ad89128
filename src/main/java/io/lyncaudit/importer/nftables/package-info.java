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
 * kernel. Base chains on the input hook are bound to the pseudo-interface {@code INPUT} (direction
 * in), as for iptables. Regular chains are inlined under {@code jump}/{@code goto}, with
 * {@code return} semantics as in iptables. Verdict maps become one rule per verdict. Connection
 * state: rules that cannot match a new connection ({@code ct state established,related}) are
 * ignored; {@code dnat to} in a nat chain becomes a {@code NatRule} (the forward hook sees the
 * real address). Concatenated matches ({@code ip saddr . tcp dport}) are not modelled: the rule is
 * reported as unsupported and left out.
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the
 * {@code io.lyncaudit.importer.Importer} interface and Jackson (for the JSON form); never on another importer.
 */
package io.lyncaudit.importer.nftables;
