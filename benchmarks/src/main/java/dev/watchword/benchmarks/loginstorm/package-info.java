/**
 * Login-storm load driver: starts a throwaway Watchword server on loopback, signs many clients in
 * at once for a bounded time, and prints throughput by outcome, latency and the server's memory.
 */
package dev.watchword.benchmarks.loginstorm;
