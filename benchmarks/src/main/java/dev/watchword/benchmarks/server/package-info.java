/** What the load drivers share: a server child process and the few API calls they make. */
package dev.watchword.benchmarks.server;
