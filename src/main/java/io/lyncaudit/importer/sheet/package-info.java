/**
 * Imports firewall-rule spreadsheets (XLSX and CSV rule tables kept by firewall teams) into the
 * neutral policy: loose header matching, multi-value cells, one first-match policy per rule sheet;
 * and sheets of IPsec connection-security rules into {@code io.lyncaudit.ipsec} (same file reading
 * and cell parsing, own headers), since only this package may see POI.
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, {@code io.lyncaudit.ipsec}, {@code io.lyncaudit.importer},
 * Apache POI (with its OOXML schema classes, {@code org.openxmlformats..}) and commons-csv. It must
 * not depend on any other importer (in particular not on {@code io.lyncaudit.importer.neutral}).
 */
package io.lyncaudit.importer.sheet;
