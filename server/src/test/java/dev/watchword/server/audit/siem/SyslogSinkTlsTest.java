package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/** RFC 5425 over a real TLS connection to a loopback receiver: the receiver's name and trust are verified. */
class SyslogSinkTlsTest {

  @TempDir
  Path directory;

  @Test
  void deliverWhenCertificateIsTrustedAndNamesTheHostThenOctetCountedFramesArrive() throws Exception {
    TestCertificates certificates = TestCertificates.create(directory, "ip:127.0.0.1");
    try (SSLServerSocket server = receiver(certificates)) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server));
      SyslogSink sink = sink(server.getLocalPort(), trusting(certificates));

      sink.deliver(List.of(TestEvents.event(1).build(), TestEvents.event(2).deny().build()));
      sink.close();

      List<String> messages = OctetCounting.split(received.get(10, TimeUnit.SECONDS));
      assertThat(messages).hasSize(2);
      assertThat(SyslogFormatTest.parse(messages.get(1)).group("pri")).isEqualTo("84");
    }
  }

  @Test
  void deliverWhenCertificateNamesAnotherHostThenRefusedBeforeAnyEventIsSent() throws Exception {
    TestCertificates certificates = TestCertificates.create(directory, "dns:siem.example.org");
    try (SSLServerSocket server = receiver(certificates)) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server));
      SyslogSink sink = sink(server.getLocalPort(), trusting(certificates));

      assertThatThrownBy(() -> sink.deliver(List.of(TestEvents.event(1).build())))
          .isInstanceOf(DeliveryException.class).hasMessageContaining("SSLHandshakeException");
      sink.close();

      assertThat(received.get(10, TimeUnit.SECONDS)).isEmpty();
    }
  }

  @Test
  void deliverWhenCertificateIsNotTrustedThenRefused() throws Exception {
    TestCertificates certificates = TestCertificates.create(directory, "ip:127.0.0.1");
    Path elsewhere = directory.resolve("other");
    java.nio.file.Files.createDirectories(elsewhere);
    TestCertificates stranger = TestCertificates.create(elsewhere, "ip:127.0.0.1");
    try (SSLServerSocket server = receiver(certificates)) {
      CompletableFuture.runAsync(() -> readAll(server));
      SyslogSink sink = sink(server.getLocalPort(), trusting(stranger));

      assertThatThrownBy(() -> sink.deliver(List.of(TestEvents.event(1).build())))
          .isInstanceOf(DeliveryException.class).hasMessageContaining("SSLHandshakeException");
      sink.close();
    }
  }

  private static SyslogSink sink(int port, SSLSocketFactory tls) {
    return new SyslogSink("127.0.0.1", port, tls, Duration.ofSeconds(5), new SyslogFormat(10, "test", 1));
  }

  private static SSLSocketFactory trusting(TestCertificates certificates) {
    PemSslStoreDetails trust = PemSslStoreDetails.forCertificate("file:" + certificates.certificate());
    return SslBundle.of(new PemSslStoreBundle(null, trust)).createSslContext().getSocketFactory();
  }

  private static SSLServerSocket receiver(TestCertificates certificates) throws IOException {
    PemSslStoreDetails key = PemSslStoreDetails.forCertificate("file:" + certificates.certificate())
        .withPrivateKey("file:" + certificates.privateKey());
    SSLServerSocket server = (SSLServerSocket) SslBundle.of(new PemSslStoreBundle(key, null)).createSslContext()
        .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout(10_000);
    return server;
  }

  /** Everything one client sends until it closes; empty if the handshake failed. */
  private static byte[] readAll(SSLServerSocket server) {
    try (var connection = server.accept(); InputStream in = connection.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
