package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidVaultSettingsException extends ProblemException {

  InvalidVaultSettingsException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-vault-settings", "Invalid vault settings", detail);
  }
}
