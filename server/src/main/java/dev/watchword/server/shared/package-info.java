/**
 * The shared kernel: typed identifiers and the request origin that every feature passes
 * around. Nothing here has behaviour beyond parsing and printing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.watchword.server.shared;
