/** A load driver for imports: how long a real server takes to import a large export. */
package dev.watchword.benchmarks.importload;
