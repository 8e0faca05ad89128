/**
 * The deployment file: {@link io.lyncaudit.deployment.DeploymentLoader} loads and validates it into
 * {@link io.lyncaudit.deployment.Deployment} (Edge scenario and servers, pools, features, networks,
 * firewalls), and {@link io.lyncaudit.deployment.InitTemplate} writes the commented template.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model} and {@code io.lyncaudit.io} only.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.deployment;
