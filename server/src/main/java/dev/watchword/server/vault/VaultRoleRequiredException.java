package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The caller sees the vault but their role does not allow this action. */
class VaultRoleRequiredException extends ProblemException {

  VaultRoleRequiredException(VaultRole required) {
    super(HttpStatus.FORBIDDEN, "vault-role-required", "Forbidden",
        "This action needs the " + required.wireName() + " role in this vault.");
  }
}
