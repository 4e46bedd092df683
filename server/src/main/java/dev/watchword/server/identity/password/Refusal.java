package dev.watchword.server.identity.password;

/** Why {@link PasswordPolicy} refuses a new password, with the words shown to the user. */
enum Refusal {
  TOO_SHORT("Use at least " + PasswordPolicy.MIN_LENGTH + " characters; "
      + PasswordPolicy.RECOMMENDED_LENGTH + " or more is recommended."),
  TOO_LONG("Use at most " + PasswordPolicy.MAX_LENGTH + " characters."),
  UNSUPPORTED_CHARACTER("Use only characters you can type: control characters such as tabs and"
      + " line breaks cannot be part of a password."),
  CONTAINS_USERNAME("Don't include your username in your password."),
  CONTAINS_SERVICE_NAME("Don't include the name Watchword in your password."),
  BLOCKLISTED("This password is on a list of common or breached passwords that attackers try"
      + " first; choose another.");

  private final String message;

  Refusal(String message) {
    this.message = message;
  }

  /** The reason in plain words for the person choosing the password; never contains it. */
  String message() {
    return message;
  }
}
