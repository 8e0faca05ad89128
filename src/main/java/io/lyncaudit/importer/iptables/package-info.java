/**
 * Imports {@code iptables-save} and {@code ip6tables-save} output into the neutral policy, in two
 * stages: {@link io.lyncaudit.importer.iptables.IptablesParser} reads lines into the raw model
 * ({@link io.lyncaudit.importer.iptables.IptablesRuleset}), then
 * {@link io.lyncaudit.importer.iptables.IptablesConversions} flattens the chains into first-match
 * policies.
 *
 * <p>Decisions, documented once here:
 * <ul>
 *   <li>Every built-in chain of the raw, mangle, nat, filter and security tables that the file
 *       declares is a policy with its {@link io.lyncaudit.policy.Hook} (PREROUTING, INPUT, FORWARD,
 *       OUTPUT, POSTROUTING), listed in the kernel's priority order on that hook (raw -300, mangle
 *       -150, nat -100 on prerouting and output and 100 on input and postrouting, filter 0,
 *       security 50), so the one evaluator walks the whole path: forward (prerouting, forward,
 *       postrouting), input (to the box, the {@code host} pseudo-interface) or output (from it).
 *       The filter table's chains keep their plain names ({@code FORWARD}); the others are named
 *       {@code "mangle PREROUTING"} and so on. The policies are not scoped to the file's address
 *       family: the other family is filtered by rules this file does not hold, so its packets meet
 *       this file's chain policies, which shows up as a finding rather than passing unseen.</li>
 *   <li>In the nat table {@code DNAT} and {@code REDIRECT} are permit rules with a
 *       {@link io.lyncaudit.policy.Translation} (a range reads as its first address or port, and the
 *       rule is uncertain); {@code SNAT} and {@code MASQUERADE} end the nat chain without changing
 *       what any later stage sees; {@code ACCEPT} ends it untranslated. A port translation without
 *       {@code -p tcp|udp|sctp} is refused, as iptables-restore refuses it. Static DNAT is also
 *       recorded as a {@code NatRule} for the deployment's NAT check.</li>
 *   <li>Connection tracking: the raw table runs before it. A raw {@code NOTRACK} or
 *       {@code CT --notrack} untracks what it matches: those packets skip the nat table (each nat
 *       chain starts with a permit for them) and their state is UNTRACKED, so a {@code --ctstate
 *       NEW} rule does not match them and an {@code UNTRACKED} one does. A state match in the raw
 *       table itself is not modelled (uncertain).</li>
 *   <li>User chains are inlined under the jumping rule's match; {@code RETURN} removes its packets
 *       from the rest of the user chain; a {@code RETURN} (or the end of a {@code -g} target) in the
 *       built-in chain becomes a rule with the chain policy's action. Jump loops, undefined chains
 *       and too-deep nesting are diagnosed and the jump is skipped.</li>
 *   <li>Connection state: the audit asks about new connections. A rule whose state match admits
 *       neither NEW nor UNTRACKED (e.g. {@code --ctstate ESTABLISHED,RELATED}, or {@code ! --syn})
 *       never matches a new connection and is recorded as ignored; otherwise its state condition
 *       narrows it to tracked or untracked packets as above.</li>
 *   <li>An iptables file speaks of IPv4 only and an ip6tables file of IPv6 only: "any" and
 *       negations are taken within that family.</li>
 *   <li>Interface conditions become {@code fromZones}/{@code toZones}, wildcards ({@code eth+})
 *       and negations ({@code ! -i lo}) included, exactly (see {@link io.lyncaudit.policy.Zones}).</li>
 *   <li>What is not modelled exactly makes rules uncertain ({@code Rule#uncertainty}), soundly,
 *       through {@link io.lyncaudit.importer.MatchSpan}: a condition that is dropped (an
 *       unmodelled match module, {@code -f}) makes its rule match more than
 *       the device may; a jump, goto or RETURN with such a condition makes the rules it leads to,
 *       or the rules after it in its chain, uncertain with every packet that may reach them as
 *       their possible match; so does a RETURN limited to an interface inside a user chain (read
 *       as not returning). A rule that cannot be read stays at its place as a rule of its target's
 *       action that matches nothing and may match whatever reaches it. A target that may decide
 *       but is not modelled ({@code NFQUEUE}, a jump skipped for a loop or depth) may go either
 *       way: a permit and a deny rule that match nothing stand for it, so the rules after it and
 *       the chain policy become uncertain for what may reach it.</li>
 * </ul>
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy} and the shared
 * {@code io.lyncaudit.importer} classes (the {@code Importer} interface, the text reader, the line
 * ledger, {@code MatchSpan}) only; never on another importer.
 */
package io.lyncaudit.importer.iptables;
