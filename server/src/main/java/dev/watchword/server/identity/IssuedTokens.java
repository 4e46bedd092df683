package dev.watchword.server.identity;

/** What a completed sign-in or a refresh hands back; {@code toString()} shows no token. */
record IssuedTokens(String sessionId, String accessToken, long expiresIn, String refreshToken) {

  @Override
  public String toString() {
    return "IssuedTokens[session=" + sessionId + ", expiresIn=" + expiresIn + "]";
  }
}
