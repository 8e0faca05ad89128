/**
 * The requirement catalog as Java sees it: {@link io.lyncaudit.catalog.RequirementSpec} and its flow
 * and endpoint specs, read from the metadata of the catalog rules, and the facts
 * ({@link io.lyncaudit.catalog.ScenarioFact}, {@link io.lyncaudit.catalog.FeatureFact}) those rules
 * match on.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model} and {@code io.lyncaudit.finding} only;
 * in particular not on Drools, which only {@code io.lyncaudit.engine} sees.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.catalog;
