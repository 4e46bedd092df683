/**
 * What the load drivers share: a server child process, the few API calls they make, and readings
 * of the server's CPU time and memory during a measured window.
 */
package dev.watchword.benchmarks.server;
