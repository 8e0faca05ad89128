/**
 * Cisco ASA {@code show running-config} (8.x, 9.x) importer, format {@code cisco-asa}. Two stages:
 * {@link io.lyncaudit.importer.asa.AsaParser} reads the lines into the raw vendor model
 * {@link io.lyncaudit.importer.asa.AsaConfig}; {@link io.lyncaudit.importer.asa.AsaConversions}
 * turns that model into the neutral policy, resolving names, objects and groups.
 *
 * <p>Every line gets one verdict in the {@link io.lyncaudit.importer.LineLedger}: the parser gives
 * it to statements whose meaning does not depend on what uses them ({@code !} and {@code :} lines are
 * ignored comments); the conversion gives it to access-list entries and to the lines of objects and
 * object-groups. An access list that no {@code access-group} binds filters nothing: each of its lines
 * is ignored ("access-list X is bound to no interface: it filters nothing"; a control-plane list
 * says so), and so is each line of an object or group that no bound entry and no NAT names. A line
 * that cannot be read stays unrecognized.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, the
 * {@code Importer} interface and the shared classes of {@code io.lyncaudit.importer} only; never on
 * another vendor package.
 */
package io.lyncaudit.importer.asa;
