/**
 * Cisco IOS / IOS XE importer, format {@code cisco-ios}: named and numbered extended and standard
 * ACLs, IPv6 access lists, object-groups, and {@code ip access-group} and {@code ipv6 traffic-filter}
 * per interface. Two stages:
 * {@link io.lyncaudit.importer.ios.IosParser} reads the lines into the raw model
 * {@link io.lyncaudit.importer.ios.IosConfig}; {@link io.lyncaudit.importer.ios.IosConversions}
 * turns it into the neutral policy.
 *
 * <p>Every line gets one verdict in the {@link io.lyncaudit.importer.LineLedger}: the parser gives
 * it to statements whose meaning does not depend on what uses them ({@code !} lines are ignored
 * comments); the conversion gives it to the lines of access lists and object-groups. An access list
 * that no {@code ip access-group} or {@code ipv6 traffic-filter} binds filters nothing: it is not
 * converted (its {@code reflect} entries fill nothing) and each of its lines is ignored ("access-list
 * X is bound to no interface: it filters no traffic through the router"), and so is each line of an object-group no bound
 * entry names. A line that cannot be read stays unrecognized.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the
 * {@code Importer} interface and the shared classes of {@code io.lyncaudit.importer} only; never on
 * another vendor package.
 */
package io.lyncaudit.importer.ios;
