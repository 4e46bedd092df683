/**
 * A load driver for durable audit writes: concurrent code releases against a real server, each one
 * committed with its hash-chained audit event before the code is returned.
 */
package dev.watchword.benchmarks.auditload;
