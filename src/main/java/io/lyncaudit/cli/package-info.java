/**
 * The {@code lyncaudit} command line on top of everything: picocli commands that parse arguments,
 * call the application and map outcomes to {@link io.lyncaudit.cli.ExitCode}s. Only
 * {@link io.lyncaudit.cli.Main} touches {@code System.out}, {@code System.err} and
 * {@code System.exit}; the commands write to picocli's streams.
 *
 * <p>The only package that sees picocli. Otherwise it may depend on {@code java..},
 * {@code io.lyncaudit.audit}, {@code io.lyncaudit.report}, {@code io.lyncaudit.deployment} and
 * {@link io.lyncaudit.model.BadInputException}. A few classes of other packages are still used
 * directly (the rule engine, gate policy, importer registry, neutral writer and XLSX table writer);
 * {@code io.lyncaudit.ArchitectureTest} lists them one by one, and that list should only shrink as
 * the wiring moves into {@code audit}.
 */
package io.lyncaudit.cli;
