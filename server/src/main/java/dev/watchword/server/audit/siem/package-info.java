/**
 * Streams the audit trail to a SIEM: syslog (RFC 5424 over TCP or TLS), a signed webhook and a
 * JSON-lines file, each at least once, from a cursor of its own persisted in the database.
 */
package dev.watchword.server.audit.siem;
