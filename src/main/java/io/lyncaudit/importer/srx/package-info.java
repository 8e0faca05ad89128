/**
 * Juniper SRX importer, format {@code junos-srx}: {@code show configuration | display set} and the
 * hierarchical {@code show configuration} (a saved {@code juniper.conf}), read the same way.
 *
 * <p>Four stages, as Batfish has them: {@link io.lyncaudit.importer.srx.SrxText} turns either form
 * into statements, each the full path of one {@code set} command ({@code inactive:},
 * {@code deactivate}, {@code delete} and {@code insert} applied); {@link io.lyncaudit.importer.srx.SrxGroups}
 * inherits configuration groups where {@code apply-groups} says, wildcards matching what the
 * configuration has; {@link io.lyncaudit.importer.srx.SrxReader} builds the raw vendor model
 * {@link io.lyncaudit.importer.srx.SrxConfig}; {@link io.lyncaudit.importer.srx.SrxConversions}
 * makes the neutral policy, with {@link io.lyncaudit.importer.srx.SrxObjects} resolving addresses and applications: a NAT stage (static, then destination NAT, most specific context
 * first) before the security policies (zone contexts in order, global policies, the default
 * policy), and the stages of traffic to and from the device itself.
 *
 * <p>What is modelled exactly: zones and their interfaces, the global, attached and zone address
 * books, address-sets nested to 64 levels, prefixes, {@code range-address}, {@code wildcard-address}
 * (up to 4,096 ranges), {@code any}/{@code any-ipv4}/{@code any-ipv6}, {@code *-address-excluded},
 * custom applications with terms and port names, application-sets, the predefined {@code junos-*}
 * applications of the table {@code junos-defaults.txt} (each entry cites the Juniper document it
 * comes from), {@code then permit|deny|reject} (reject is a deny; count, log and application
 * services change nothing), static NAT of one address and destination NAT to a pool of one address.
 *
 * <p>What is approximate, each making the verdicts it could change uncertain: {@code dns-name}
 * addresses, dynamic applications (but {@code none} and {@code any}), user and URL conditions,
 * schedulers, conditional permits (firewall authentication, {@code drop-translated}, application
 * firewall rule-sets), {@code junos-*} names the table does not hold, RPC applications by UUID,
 * ICMP types, prefix-to-prefix static NAT and pools of several addresses (read as their first),
 * NAT rule-sets of an interface or routing instance that carries part of a zone, stateless
 * firewall filters on a zone's interfaces, groups applied through a variable ({@code ${node}}),
 * host-inbound-traffic. Source NAT happens after the policy lookup and cannot change a verdict: its
 * lines are ignored, saying so. Every line ends with one verdict in the one
 * {@link io.lyncaudit.importer.LineLedger}; the lines that only open or close blocks of the
 * hierarchical form share the verdict of what they hold.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the
 * {@code Importer} interface and the shared classes of {@code io.lyncaudit.importer} only; never on
 * another vendor package.
 */
package io.lyncaudit.importer.srx;
