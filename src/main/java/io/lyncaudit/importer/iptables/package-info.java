/**
 * Imports {@code iptables-save} and {@code ip6tables-save} output into the neutral policy, in two
 * stages: {@link io.lyncaudit.importer.iptables.IptablesParser} reads lines into the raw model
 * ({@link io.lyncaudit.importer.iptables.IptablesRuleset}), then
 * {@link io.lyncaudit.importer.iptables.IptablesConversions} flattens the chains into first-match
 * policies.
 *
 * <p>Decisions, documented once here:
 * <ul>
 *   <li>The audited policy is the filter table's FORWARD chain, unbound (it sees every crossing).
 *       INPUT is emitted as policy {@code INPUT} bound to the host pseudo-interface ({@code host},
 *       direction out: traffic leaving the network towards the box), so a network firewall's audit
 *       leaves it out and a host firewall's audit uses it alone. The policies are not scoped to
 *       the file's address family: the other family is filtered by rules this file does not hold,
 *       so its packets meet this file's chain policies, which shows up as a finding rather than
 *       passing unseen.
 *       OUTPUT is recorded (used lines) but not emitted as a policy.</li>
 *   <li>User chains are inlined under the jumping rule's match; {@code RETURN} removes its packets
 *       from the rest of the user chain; a {@code RETURN} (or the end of a {@code -g} target) in the
 *       built-in chain becomes a rule with the chain policy's action. Jump loops, undefined chains
 *       and too-deep nesting are diagnosed and the jump is skipped.</li>
 *   <li>Connection state: the audit asks about new connections. A rule whose state match excludes
 *       NEW (e.g. {@code --ctstate ESTABLISHED,RELATED}, or {@code ! --syn}) never matches a new
 *       connection and is recorded as ignored; a rule whose state match includes NEW is kept
 *       without the state condition.</li>
 *   <li>{@code nat PREROUTING -j DNAT --to-destination} becomes a {@code NatRule} with
 *       {@code aclSeesReal}: FORWARD runs after the translation, so its rules are already written
 *       in real addresses, which is what the audit queries use.</li>
 *   <li>An iptables file speaks of IPv4 only and an ip6tables file of IPv6 only: "any" and
 *       negations are taken within that family.</li>
 *   <li>Interface conditions become {@code fromZones}/{@code toZones}; negated interfaces and
 *       {@code +} wildcards cannot be expressed there and are reported as unsupported (the
 *       condition is then dropped, the rule applies on every interface).</li>
 *   <li>What is not modelled exactly makes rules uncertain ({@code Rule#uncertainty}), soundly,
 *       through {@link io.lyncaudit.importer.MatchSpan}: a condition that is dropped (an
 *       unmodelled match module, {@code -f}, a negated interface) makes its rule match more than
 *       the device may; a jump, goto or RETURN with such a condition makes the rules it leads to,
 *       or the rules after it in its chain, uncertain with every packet that may reach them as
 *       their possible match; so does a RETURN limited to an interface inside a user chain (read
 *       as not returning). A rule that cannot be read stays at its place as a rule of its target's
 *       action that matches nothing and may match whatever reaches it. A target that may decide
 *       but is not modelled ({@code NFQUEUE}, a jump skipped for a loop or depth) may go either
 *       way: a permit and a deny rule that match nothing stand for it, so the rules after it and
 *       the chain policy become uncertain for what may reach it. A DROP or REJECT in the mangle,
 *       raw or security table becomes a deny rule matching nothing, first in FORWARD and INPUT,
 *       that may match its own condition.</li>
 * </ul>
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy} and the shared
 * {@code io.lyncaudit.importer} classes (the {@code Importer} interface, the text reader, the line
 * ledger, {@code MatchSpan}) only; never on another importer.
 */
package io.lyncaudit.importer.iptables;
