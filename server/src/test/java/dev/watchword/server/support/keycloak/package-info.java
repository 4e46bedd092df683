/**
 * A real Keycloak for single sign-on tests, started from the distribution the build unpacks, and
 * a browserless driver of its login page for the OpenID Connect authorization code flow.
 */
package dev.watchword.server.support.keycloak;
