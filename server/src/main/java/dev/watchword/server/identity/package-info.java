/**
 * Who is calling: users, their organisation roles, and the opaque bearer tokens that are
 * looked up on every request, so that revocation takes effect on the next one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.watchword.server.identity;
