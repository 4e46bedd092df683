package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.siem.SiemProperties.SyslogSettings;
import dev.watchword.server.audit.siem.SiemProperties.WebhookSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * Builds the enabled sinks from {@link SiemProperties}. TLS material comes from Spring SSL
 * bundles ({@code spring.ssl.bundle.*}), so key and trust store passwords stay in Spring's
 * configuration and never pass through this package.
 */
@Component
class AuditSinks {

  private final SiemProperties properties;
  private final ObjectProvider<SslBundles> sslBundles;
  private final Clock clock;

  AuditSinks(SiemProperties properties, ObjectProvider<SslBundles> sslBundles, Clock clock) {
    this.properties = properties;
    this.sslBundles = sslBundles;
    this.clock = clock;
  }

  /** A fresh-sink factory per enabled sink, in the order syslog, webhook, file. */
  List<Supplier<AuditSink>> enabled() {
    List<Supplier<AuditSink>> sinks = new ArrayList<>();
    if (properties.syslog().enabled()) {
      sinks.add(() -> syslog(properties.syslog()));
    }
    if (properties.webhook().enabled()) {
      sinks.add(() -> webhook(properties.webhook()));
    }
    if (properties.file().enabled()) {
      sinks.add(() -> new FileSink(properties.file().path()));
    }
    return sinks;
  }

  private AuditSink syslog(SyslogSettings settings) {
    SSLSocketFactory tls = settings.tls() ? sslContext(settings.sslBundle()).getSocketFactory() : null;
    String hostname = settings.hostname() != null ? settings.hostname() : localHostName();
    SyslogFormat format = new SyslogFormat(SyslogFormat.facilityCode(settings.facility()), hostname,
        ProcessHandle.current().pid());
    return new SyslogSink(settings.host(), settings.port(), tls, settings.timeout(), format);
  }

  private AuditSink webhook(WebhookSettings settings) {
    HttpClient.Builder client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (settings.sslBundle() != null) {
      client.sslContext(sslContext(settings.sslBundle()));
    }
    return new WebhookSink(settings.url(), new WebhookSignature(settings.secret()), client.build(),
        settings.timeout(), clock);
  }

  private SSLContext sslContext(String bundle) {
    if (bundle == null) {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("no default TLS context", e);
      }
    }
    SslBundles bundles = sslBundles.getIfAvailable();
    if (bundles == null) {
      throw new IllegalStateException("SSL bundle " + bundle + " is configured but no spring.ssl.bundle exists");
    }
    return bundles.getBundle(bundle).createSslContext();
  }

  private static String localHostName() {
    try {
      String name = InetAddress.getLocalHost().getCanonicalHostName();
      return SyslogFormat.isPrintUsAscii(name, 255) ? name : "-";
    } catch (UnknownHostException e) {
      return "-";
    }
  }
}
