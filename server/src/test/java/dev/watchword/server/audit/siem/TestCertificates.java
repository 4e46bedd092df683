package dev.watchword.server.audit.siem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its key as PEM files, made with the JDK's own {@code keytool}
 * (no openssl needed; RSA, whose PKCS#8 form GnuTLS reads), for a TLS receiver whose names are the given subject alternative names.
 */
record TestCertificates(Path certificate, Path privateKey) {

  static TestCertificates create(Path directory, String subjectAltNames) {
    try {
      Path store = directory.resolve("receiver.p12");
      Files.deleteIfExists(store);
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "receiver", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
          "-dname", "CN=receiver", "-ext", "SAN=" + subjectAltNames, "-validity", "2", "-storetype", "PKCS12",
          "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
          .redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, "changeit".toCharArray());
      }
      Certificate certificate = keys.getCertificate("receiver");
      PrivateKey key = (PrivateKey) keys.getKey("receiver", "changeit".toCharArray());
      Path certificateFile = directory.resolve("receiver-cert.pem");
      Path keyFile = directory.resolve("receiver-key.pem");
      Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
      return new TestCertificates(certificateFile, keyFile);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = String.join("\n", split(Base64.getEncoder().encodeToString(der)));
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static List<String> split(String text) {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < text.length(); i += 64) {
      lines.add(text.substring(i, Math.min(text.length(), i + 64)));
    }
    return lines;
  }
}
