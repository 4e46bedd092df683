/**
 * Context policies: rules written in CEL over the caller, their sign-in, the request and the
 * resource, compiled once when saved; every rule of a set must hold for a request to proceed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package dev.watchword.server.policy;
