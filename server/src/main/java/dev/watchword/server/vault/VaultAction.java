package dev.watchword.server.vault;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names what a vault route does, as context policies see it in {@code request.action}. Every
 * handler of a route with a {@code {vaultId}} MUST carry one: {@link VaultPolicyEnforcement}
 * refuses (500) a vault request whose handler has none, rather than let it pass unevaluated.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface VaultAction {

  /** The action's name, e.g. {@code "entry.list"}; where the action is audited, the audit's name for it. */
  String value();

  /**
   * The handler's service evaluates the policies itself, inside its own audited unit, because it
   * loads the vault and entry anyway and its denial must carry the caller's reason (code release,
   * seed reveal). {@link VaultPolicyEnforcement} then leaves the request to it.
   */
  boolean evaluatedByService() default false;
}
