package org.onesheet.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler for the capabilities' periodic sweeps (e.g. overdue referrals). Each node runs them;
 * a sweep must therefore be idempotent and keep its state in the database.
 */
@Configuration
@EnableScheduling
public class SchedulingConfig {
}
