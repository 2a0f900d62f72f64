package org.onesheet.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Lets one node at a time through start-up on a shared PostgreSQL. Hibernate creates HAPI's schema and
 * HAPI seeds its tables while the context starts; two nodes doing that together on an empty database race
 * (measured: "relation already exists", then a duplicate key in HFJ_RESOURCE_TYPE, and the second node dies).
 *
 * <p>A session-level advisory lock is taken just before the EntityManagerFactory is built and released when
 * the application is ready, after the demo group is loaded (or when start-up fails): the second node waits,
 * then finds the schema and the data in place. PostgreSQL drops the lock by itself if a node dies holding it.
 * Other databases (embedded H2) have one node and no lock.
 */
class StartupSchemaLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupSchemaLock.class);
	/** "OneSheet" in ASCII: the advisory lock key every node agrees on. */
	private static final long LOCK_KEY = 0x4f6e655368656574L;

	private Connection holder;

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof LocalContainerEntityManagerFactoryBean factory && holder == null) {
			acquire(factory.getDataSource());
		}
		return bean;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		release();
	}

	@Override
	public void destroy() {
		release();
	}

	private void acquire(DataSource dataSource) {
		try {
			Connection connection = dataSource.getConnection();
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return;
			}
			long started = System.nanoTime();
			try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
				lock.setLong(1, LOCK_KEY);
				lock.execute();
			}
			holder = connection;
			log.info("Holding the start-up schema lock (waited {} ms for other nodes)", (System.nanoTime() - started) / 1_000_000);
		} catch (SQLException e) {
			throw new IllegalStateException("could not take the start-up schema lock: " + e.getMessage(), e);
		}
	}

	private synchronized void release() {
		if (holder == null) {
			return;
		}
		try (Connection connection = holder; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
			unlock.setLong(1, LOCK_KEY);
			unlock.execute();
		} catch (SQLException e) {
			// Closing the connection ends the session, which releases the lock anyway.
			log.warn("Releasing the start-up schema lock: {}", e.getMessage());
		} finally {
			holder = null;
		}
	}
}
