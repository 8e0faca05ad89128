/**
 * FortiGate (FortiOS 5.6 to 7.4) importer, format {@code fortigate}: {@code show},
 * {@code show full-configuration} and backup files, single- or multi-VDOM. Two stages:
 * {@link io.lyncaudit.importer.fortigate.FortiTree} reads the text into config blocks and edit
 * entries (quoted values over several lines, {@code set}/{@code unset}/{@code append}/{@code select}/
 * {@code unselect}, and the {@code delete} and {@code move} of CLI scripts);
 * {@link io.lyncaudit.importer.fortigate.FortiConfig} collects one VDOM's objects and policies and
 * {@link io.lyncaudit.importer.fortigate.FortiConversions} makes the neutral policy, with
 * {@link io.lyncaudit.importer.fortigate.FortiObjects} resolving names.
 *
 * <p>Modelled exactly: policy order as listed (not by id), {@code set status disable}, the default
 * action deny, the implicit deny; {@code srcintf}/{@code dstintf} with zones ({@code config system
 * zone}: a zone stands for its interfaces and an interface of a zone for its zone) and {@code any};
 * addresses (ipmask, iprange, wildcard up to 4,096 pieces), IPv6 addresses, address groups with
 * nesting and exclusions; custom services ({@code dst[:src]} port ranges for TCP, UDP and SCTP, IP
 * protocol numbers, {@code iprange}) and groups, and the predefined services of FortiOS from the
 * resource {@code predefined-services.conf} where the export does not define them; the three
 * {@code -negate} settings; VIPs (static NAT with {@code extip}, {@code mappedip},
 * {@code portforward}, {@code extport}, {@code mappedport}, {@code src-filter}, {@code extintf}) and
 * VIP groups, applied before the policy lookup as FortiOS does: a policy naming the VIP matches its
 * external address and port as the packet arrives, compares its service with the mapped port, and
 * carries the translation; other policies do not see VIP traffic on the VIP's interface, except a
 * deny with {@code match-vip} (default enable from FortiOS 7.2.3 on, read from the header);
 * {@code policy6} beside {@code policy} (FortiOS 6.2 and earlier) as IPv6 and IPv4 scopes; central
 * NAT as a translation stage before the policies; {@code intrazone allow} as a permit between a
 * zone's interfaces after every policy.
 *
 * <p>Approximate, and marked uncertain with a bound: FQDN, wildcard-FQDN, geography and dynamic
 * addresses and service FQDNs (read as nothing, may be anything of their family); ICMP types (read as
 * every type); schedules other than {@code always}; users, groups, internet services, ZTNA tags and
 * other narrowing settings (read without them); a VIP range mapping or port range mapping (the
 * translation reads the first address or port); VIPs of other types than static NAT;
 * {@code action ipsec}; NGFW policy-based mode (its security policies are not read). For the audit,
 * traffic given as entering a zone that holds a VIP's external interface is read as entering on
 * that interface.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the
 * {@code Importer} interface and the shared classes of {@code io.lyncaudit.importer} only; never on
 * another vendor package.
 */
package io.lyncaudit.importer.fortigate;
