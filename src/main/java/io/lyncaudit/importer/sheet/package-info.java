/**
 * Imports firewall-rule spreadsheets (XLSX and CSV rule tables kept by firewall teams, and the
 * listings vendor consoles export) into the neutral policy: loose header matching with ambiguity
 * refused, multi-value cells kept per protocol, one first-match policy per rule sheet, every row
 * accounted for in a {@code LineLedger}, unreadable rows as uncertain stand-ins; and sheets of IPsec
 * connection-security rules into {@code io.lyncaudit.ipsec} (same streaming readers, limits and cell
 * parsing, own headers), since only this package may see POI. Workbooks are read as a stream
 * (POI's event API and SAX) within the limits of {@code Limits}.
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, {@code io.lyncaudit.ipsec}, {@code io.lyncaudit.importer},
 * Apache POI (with its OOXML schema classes, {@code org.openxmlformats..}) and commons-csv. It must
 * not depend on any other importer (in particular not on {@code io.lyncaudit.importer.neutral}).
 */
package io.lyncaudit.importer.sheet;
