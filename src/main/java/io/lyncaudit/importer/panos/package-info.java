/**
 * Palo Alto Networks PAN-OS importer, format {@code panos}: the XML configuration (a firewall's
 * running configuration, a Panorama configuration, pushed Panorama policy, an XML API answer) and
 * the {@code set} form. Two stages: {@link io.lyncaudit.importer.panos.PanXmlReader} and
 * {@link io.lyncaudit.importer.panos.PanSetReader} read either form into one raw tree,
 * {@link io.lyncaudit.importer.panos.PanNode} (what is read and how set lines nest:
 * {@link io.lyncaudit.importer.panos.PanSchema}); {@link io.lyncaudit.importer.panos.PanosConversions}
 * turns the tree into the neutral policy, resolving names with
 * {@link io.lyncaudit.importer.panos.PanObjects}.
 *
 * <p>Modelled exactly: vsys and their zones; security rules in order (Panorama pre-rules, the
 * vsys's rules, post-rules), {@code disabled}, {@code negate-source}/{@code negate-destination},
 * {@code rule-type} universal/intrazone/interzone, every deny action ({@code deny}, {@code drop},
 * {@code reset-*}); the predefined intrazone allow and interzone deny and their overrides;
 * address objects (ip-netmask, ip-range, ip-wildcard), nested static address groups, regions with
 * addresses; services (the predefined {@code service-http} and {@code service-https}, custom
 * TCP/UDP/SCTP with destination and source ports, nested service groups); application {@code any},
 * and applications of a small table of default ports ({@link io.lyncaudit.importer.panos.PanApplications})
 * or custom applications with default ports, on {@code application-default}; NAT rules in order,
 * destination translation to one address and port, bi-directional static translation to one host,
 * a NAT rule's destination zone through the export's own connected and static routes
 * ({@link io.lyncaudit.importer.panos.PanRouting}).
 *
 * <p>Approximated, as uncertain rules with a bound on what they may match: FQDN objects, external
 * dynamic lists, countries, dynamic address groups (read as the objects the configuration tags),
 * App-ID applications outside the table or on other services, application filters and overrides,
 * source users, HIP profiles, URL categories and the like (they narrow who matches: read as
 * matching nothing for sure), schedules (read as always in force), Panorama targets, translations
 * to more than one address, and NAT destination zones where the routes cannot tell.
 *
 * <p>Every line gets one verdict in the {@link io.lyncaudit.importer.LineLedger} (through
 * {@link io.lyncaudit.importer.panos.PanLedger}): what decides which traffic passes is used;
 * device, management, logging and profile settings are ignored as not firewall policy, skipped as
 * they stream by; labels (descriptions, tags, logging of a rule) ignored; objects no rule uses
 * ignored; what is not modelled unsupported; what is not understood unrecognized.
 *
 * <p>May depend on {@code java..} (with {@code javax.xml.stream}), {@code io.lyncaudit.model},
 * {@code io.lyncaudit.policy}, {@code io.lyncaudit.io} (line limits), the {@code Importer}
 * interface and the shared classes of {@code io.lyncaudit.importer} only; never on another vendor
 * package.
 */
package io.lyncaudit.importer.panos;
