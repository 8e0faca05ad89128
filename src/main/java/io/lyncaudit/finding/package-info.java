/**
 * The finding model every report shows: {@link io.lyncaudit.finding.Finding} with its type,
 * severity, requirement reference, flow, evidence lines and witness packet.
 *
 * <p>Depends on nothing but {@code java..}, so that the gate and the renderers see findings and
 * nothing of how they were made. {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.finding;
