/**
 * Cisco ASA {@code show running-config} (8.x, 9.x) importer, format {@code cisco-asa}. Two stages:
 * {@link io.lyncaudit.importer.asa.AsaParser} reads the lines into the raw vendor model
 * {@link io.lyncaudit.importer.asa.AsaConfig}; {@link io.lyncaudit.importer.asa.AsaConversions}
 * turns that model into the neutral policy, resolving names, objects and groups.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy} and the
 * {@code Importer} interface only; never on another vendor package.
 */
package io.lyncaudit.importer.asa;
