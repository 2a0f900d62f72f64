package org.onesheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, from the embedded binaries on Maven Central
 * (nothing to install), stopped when the JVM exits.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		String url = jdbcUrl();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/** The JDBC URL of the shared server's own database (user "postgres", no password needed). */
	public static synchronized String jdbcUrl() {
		start();
		return server.getJdbcUrl("postgres", "postgres");
	}

	/** A new empty database on the shared server; its JDBC URL (user and password are "postgres"). */
	public static synchronized String newDatabase(String name) {
		start();
		try (var connection = server.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		} catch (SQLException e) {
			throw new IllegalStateException("could not create database " + name, e);
		}
		return server.getJdbcUrl("postgres", name);
	}

	private static void start() {
		if (server == null) {
			try {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
						.setServerConfig("max_connections", "100")
						.start();
			} catch (IOException e) {
				throw new UncheckedIOException("could not start embedded PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				} catch (IOException ignored) {
					// the JVM is going away; the data directory is temporary anyway
				}
			}));
		}
	}
}
