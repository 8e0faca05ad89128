package io.lyncaudit.catalog;

/** Fact for catalog rules: one feature of the deployment that is on (e.g. federation). */
public record FeatureFact(String name) {
}
