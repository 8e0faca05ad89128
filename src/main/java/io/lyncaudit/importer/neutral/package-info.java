/**
 * The project's neutral policy format (JSON or YAML, the shape of {@code contracts/parse.example.json}):
 * {@link io.lyncaudit.importer.neutral.NeutralWriter} writes any import result in it, and
 * {@link io.lyncaudit.importer.neutral.NeutralImporter} reads it back, including hand-written policies.
 *
 * <p>May depend on {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, {@code io.lyncaudit.importer}
 * and Jackson (databind, dataformat-yaml), plus SnakeYAML's {@code LoaderOptions} to raise the YAML
 * size limit. It must not depend on any other importer (in particular not on
 * {@code io.lyncaudit.importer.sheet}).
 */
package io.lyncaudit.importer.neutral;
