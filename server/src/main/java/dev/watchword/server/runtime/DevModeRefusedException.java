package dev.watchword.server.runtime;

/** Development mode was asked to listen on an address other than loopback. */
class DevModeRefusedException extends IllegalStateException {

  DevModeRefusedException(String address) {
    super("Development mode binds loopback only; refusing to listen on '" + address + "'");
  }
}
