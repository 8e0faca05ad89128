package io.lyncaudit.catalog;

/** Fact for catalog rules: the Edge scenario of the deployment (e.g. single-consolidated-nat). */
public record ScenarioFact(String id) {
}
