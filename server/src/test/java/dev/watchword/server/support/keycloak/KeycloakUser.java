package dev.watchword.server.support.keycloak;

/** A user of the test realm, as its realm file defines it. {@link #toString()} omits the password. */
public record KeycloakUser(String username, String password, String email, String firstName, String lastName) {

  @Override
  public String toString() {
    return "KeycloakUser[" + username + " <" + email + ">]";
  }
}
