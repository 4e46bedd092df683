/**
 * The audit trail: every code release, denial and change is an event written in the same
 * transaction as what it records, before any code leaves the server (fail closed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package dev.watchword.server.audit;
