package dev.watchword.server.support.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The unpacked Keycloak server and the Java runtime to run it with. Keycloak 26 needs Java 21 or
 * later, and the project builds with 17, so it runs on the machine's second JDK.
 */
record KeycloakDistribution(Path home, Path javaHome) {

  /** Set by Surefire (server/pom.xml) to the directory the build unpacked. */
  static final String HOME_PROPERTY = "watchword.keycloak.home";
  /** Overrides where the Java runtime for Keycloak is looked for. */
  static final String JAVA_HOME_VARIABLE = "KEYCLOAK_JAVA_HOME";

  private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
  /** Searched in this order; the first is what the machine is meant to have. */
  private static final List<String> SUPPORTED_JDK_MARKERS = List.of("25", "21");

  Path launcher() {
    return home.resolve("bin").resolve("kc.sh");
  }

  String version() {
    try {
      // version.txt reads "Keycloak - Version 26.7.3"
      String text = Files.readString(home.resolve("version.txt")).strip();
      return text.substring(text.lastIndexOf(' ') + 1);
    } catch (IOException e) {
      return home.getFileName().toString();
    }
  }

  /**
   * Finds the distribution and a Java runtime for it. If either is missing the calling test is
   * skipped, except under {@code CI=true}, where the test fails and says what is missing.
   */
  static KeycloakDistribution locate() {
    Path home = findHome();
    if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
      unavailable("no Keycloak distribution at " + home
          + " (the build unpacks it before the tests unless run with -Dkeycloak.skip=true)");
    }
    Optional<Path> javaHome = findJavaHome();
    if (javaHome.isEmpty()) {
      unavailable("no Java 21+ runtime for Keycloak: set " + JAVA_HOME_VARIABLE
          + " or install a JDK under " + JVM_DIRECTORY + " whose name contains " + SUPPORTED_JDK_MARKERS);
    }
    return new KeycloakDistribution(home, javaHome.get());
  }

  private static Path findHome() {
    String configured = System.getProperty(HOME_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    // Run outside Maven (an IDE): the one version unpacked under the module's target/keycloak.
    Path unpacked = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "keycloak");
    try (Stream<Path> versions = Files.list(unpacked)) {
      List<Path> found = versions.filter(path -> path.getFileName().toString().startsWith("keycloak-")).toList();
      return found.size() == 1 ? found.get(0) : unpacked;
    } catch (IOException e) {
      return unpacked;
    }
  }

  private static Optional<Path> findJavaHome() {
    String configured = System.getenv(JAVA_HOME_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path.resolve("bin").resolve("java"))) {
        throw new IllegalStateException(JAVA_HOME_VARIABLE + "=" + configured + " has no bin/java");
      }
      return Optional.of(path);
    }
    try (Stream<Path> jdks = Files.list(JVM_DIRECTORY)) {
      List<Path> candidates = jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
          .sorted().toList();
      for (String marker : SUPPORTED_JDK_MARKERS) {
        Optional<Path> match = candidates.stream()
            .filter(jdk -> jdk.getFileName().toString().contains(marker)).findFirst();
        if (match.isPresent()) {
          return match;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("Keycloak is required under CI=true: " + reason);
    }
    Assumptions.abort(reason);
  }
}
