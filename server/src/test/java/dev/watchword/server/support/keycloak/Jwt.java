package dev.watchword.server.support.keycloak;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed JWT (RFC 7519) in compact serialization, decoded for assertions. Decoding checks
 * nothing; {@link #isSignedBy(JsonNode)} checks an RS256 signature (RFC 7518 §3.3) against a JWK
 * set. {@link #toString()} shows the claims, never the token.
 */
public final class Jwt {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final JsonNode header;
  private final JsonNode claims;
  private final byte[] signingInput;
  private final byte[] signature;

  private Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    this.header = header;
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  public static Jwt parse(String compact) {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a signed JWT in compact serialization");
    }
    return new Jwt(JSON.readTree(BASE64URL.decode(parts[0])), JSON.readTree(BASE64URL.decode(parts[1])),
        (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), BASE64URL.decode(parts[2]));
  }

  /** The JOSE header (RFC 7515 §4). */
  public JsonNode header() {
    return header;
  }

  /** The claims set (RFC 7519 §4). */
  public JsonNode claims() {
    return claims;
  }

  public String claim(String name) {
    return claims.path(name).asString();
  }

  /** RFC 7519 §4.1.3: {@code aud} is a string or an array of strings. */
  public List<String> audience() {
    JsonNode aud = claims.path("aud");
    List<String> audience = new ArrayList<>();
    if (aud.isArray()) {
      aud.forEach(value -> audience.add(value.asString()));
    } else if (aud.isString()) {
      audience.add(aud.asString());
    }
    return audience;
  }

  /** True when the header says RS256 and the JWK set's RSA key with the header's {@code kid} verifies it. */
  public boolean isSignedBy(JsonNode jwks) {
    if (!"RS256".equals(header.path("alg").asString())) {
      return false;
    }
    for (JsonNode key : jwks.path("keys")) {
      if (key.path("kid").asString().equals(header.path("kid").asString()) && "RSA".equals(key.path("kty").asString())) {
        try {
          Signature rs256 = Signature.getInstance("SHA256withRSA");
          rs256.initVerify(rsaKey(key));
          rs256.update(signingInput);
          return rs256.verify(signature);
        } catch (GeneralSecurityException e) {
          return false;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Jwt" + claims;
  }

  /** RFC 7518 §6.3.1: the modulus {@code n} and exponent {@code e} as base64url unsigned integers. */
  private static PublicKey rsaKey(JsonNode jwk) throws GeneralSecurityException {
    BigInteger modulus = new BigInteger(1, BASE64URL.decode(jwk.path("n").asString()));
    BigInteger exponent = new BigInteger(1, BASE64URL.decode(jwk.path("e").asString()));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }
}
