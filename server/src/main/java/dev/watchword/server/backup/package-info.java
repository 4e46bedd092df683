/**
 * Backups of a whole installation ({@code watchword backup}) and their restore into a fresh data
 * directory ({@code watchword restore}): offline tools on the server jar, password-encrypted files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package dev.watchword.server.backup;
