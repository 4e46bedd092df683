/**
 * The {@code watchword} command line: launches the server and, later, talks to its REST API.
 * It never depends on the server module and never holds a seed; it only passes options on.
 */
package dev.watchword.cli;
