/**
 * Vaults (one per client) and their entries, and the release of codes: a seed is decrypted
 * only here, only to compute a code, and each release is audited before the code is returned.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vaults")
package dev.watchword.server.vault;
