/**
 * Passwords for people: Argon2id hashing with a bounded number of concurrent computations, and
 * the NIST SP 800-63B Rev. 4 password rules with a shipped blocklist of common passwords.
 */
package dev.watchword.server.identity.password;
