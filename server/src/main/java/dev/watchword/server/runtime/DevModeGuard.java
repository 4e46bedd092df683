package dev.watchword.server.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start development mode on anything but a loopback address: the dev owner's
 * token is printed to the console and must never be usable from another machine.
 *
 * <p>Registered in {@code META-INF/spring.factories} so it runs before the web server binds.
 */
public class DevModeGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    if (!environment.getProperty("watchword.dev", Boolean.class, false)) {
      return;
    }
    String address = environment.getProperty("server.address");
    if (address == null || !isLoopback(address)) {
      throw new DevModeRefusedException(address);
    }
  }

  static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
