/**
 * How this process runs: its settings, its data directory, its database and the lines it
 * prints when it is ready. Every other feature reads its environment from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runtime")
package dev.watchword.server.runtime;
