package dev.watchword.server.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import dev.watchword.server.runtime.DataDirectory;
import java.security.GeneralSecurityException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Bean
  MasterKey masterKey(DataDirectory dataDirectory, JdbcClient jdbc, Clock clock) {
    MasterKeyFile file = new MasterKeyFile(dataDirectory.resolve(MasterKeyFile.FILE_NAME));
    return MasterKey.open(file, jdbc, clock.millis());
  }
}
