package dev.watchword.server.audit;

import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.runtime.DataDirectory;
import dev.watchword.server.runtime.WatchwordProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.dao.annotation.PersistenceExceptionTranslationPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's audit beans in a Spring context of their own, wired as the server wires them: its
 * database configuration (Hikari; SQLite in WAL mode with {@code synchronous=FULL} and
 * {@code BEGIN IMMEDIATE}, or PostgreSQL), its master key, the schema its Flyway migrations
 * create, class-based transaction proxies and exception translation as Spring Boot sets them up.
 * The database is a fresh one: a SQLite file in a temporary directory, or a PostgreSQL schema
 * created for the run and dropped afterwards.
 */
final class GroupCommitLoadContext implements AutoCloseable {

  private final AnnotationConfigApplicationContext context;
  private final String postgresUrl;
  private final String schema;

  private GroupCommitLoadContext(AnnotationConfigApplicationContext context, String postgresUrl, String schema) {
    this.context = context;
    this.postgresUrl = postgresUrl;
    this.schema = schema;
  }

  /** Opens a fresh database under {@code root} (SQLite), or in a new schema of {@code postgresUrl}. */
  static GroupCommitLoadContext open(Path root, String postgresUrl) throws Exception {
    String schema = null;
    String dbUrl = null;
    if (postgresUrl != null) {
      if (postgresUrl.contains("currentSchema")) {
        throw new IllegalArgumentException("the run creates a schema of its own: leave currentSchema out");
      }
      schema = "watchword_group_commit_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
      execute(postgresUrl, "CREATE SCHEMA " + schema);
      dbUrl = postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    WatchwordProperties properties = new WatchwordProperties(root.resolve("data"), dbUrl, false, null, null);
    context.registerBean(WatchwordProperties.class, () -> properties);
    context.register(DataDirectory.class,
        serverClass("dev.watchword.server.runtime.DatabaseConfiguration"),
        serverClass("dev.watchword.server.runtime.TimeAndRandomnessConfiguration"),
        serverClass("dev.watchword.server.crypto.CryptoConfiguration"), ServerSecrets.class,
        Wiring.class, AuditStore.class, AuditKeyring.class, Checkpointer.class, HeadPublisher.class, AuditLog.class,
        GroupCommit.class);
    try {
      context.refresh();
    } catch (RuntimeException e) {
      new GroupCommitLoadContext(context, postgresUrl, schema).close();
      throw e;
    }
    return new GroupCommitLoadContext(context, postgresUrl, schema);
  }

  AnnotationConfigApplicationContext context() {
    return context;
  }

  @Override
  public void close() throws SQLException {
    context.close();
    if (schema != null) {
      execute(postgresUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** A server configuration class by name: they are package-private, and stay so. */
  private static Class<?> serverClass(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("benchmarks.jar lacks " + name, e);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** What Spring Boot's auto-configuration gives the server around its own beans. */
  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement(proxyTargetClass = true)
  static class Wiring {

    @Bean
    static PersistenceExceptionTranslationPostProcessor exceptionTranslation() {
      PersistenceExceptionTranslationPostProcessor translation = new PersistenceExceptionTranslationPostProcessor();
      translation.setProxyTargetClass(true);
      return translation;
    }

    /** Migrates the schema as soon as the data source exists, before any bean can use it. */
    @Bean
    static BeanPostProcessor flywayMigration(WatchwordProperties properties) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource dataSource) {
            Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/" + (properties.usesPostgres() ? "postgresql" : "sqlite"))
                .load().migrate();
          }
          return bean;
        }
      };
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new JdbcTemplate(dataSource);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
      return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
      return new TransactionTemplate(transactions);
    }

    @Bean
    AuditProperties auditProperties() {
      return new AuditProperties(null, null, null, null);
    }
  }
}
