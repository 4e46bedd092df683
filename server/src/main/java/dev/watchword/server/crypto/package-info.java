/**
 * Envelope encryption with Google Tink: a master key (KEK) from the data directory wraps one
 * AES-256-GCM data key (DEK) per vault, and each seed is sealed to its row by associated data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto")
package dev.watchword.server.crypto;
