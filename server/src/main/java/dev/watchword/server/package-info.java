/**
 * The Watchword server: one Spring Boot application, packaged by feature. Each direct
 * sub-package is a Spring Modulith module; {@code ModularityTest} keeps their boundaries.
 */
package dev.watchword.server;
