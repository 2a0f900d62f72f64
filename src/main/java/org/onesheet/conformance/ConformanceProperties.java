package org.onesheet.conformance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onesheet.conformance.*}.
 *
 * @param enforceProfiles validate writes against the IG's profiles (turn off only to measure what it costs)
 */
@ConfigurationProperties(prefix = "onesheet.conformance")
public record ConformanceProperties(@DefaultValue("true") boolean enforceProfiles) {}
