/**
 * Cisco IOS / IOS XE importer, format {@code cisco-ios}: named and numbered extended and standard
 * ACLs, IPv6 access lists, object-groups, and {@code ip access-group} and {@code ipv6 traffic-filter}
 * per interface. Two stages:
 * {@link io.lyncaudit.importer.ios.IosParser} reads the lines into the raw model
 * {@link io.lyncaudit.importer.ios.IosConfig}; {@link io.lyncaudit.importer.ios.IosConversions}
 * turns it into the neutral policy.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy} and the
 * {@code Importer} interface only; never on another vendor package.
 */
package io.lyncaudit.importer.ios;
