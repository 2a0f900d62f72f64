package org.onesheet.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Server-wide settings under {@code onesheet.*}. Each capability adds its own record
 * ({@code onesheet.referral.*}, {@code onesheet.chronic.*}) rather than growing this one.
 *
 * @param demoData fill an empty database with the demo county group at start-up
 * @param demoPatients how many residents the demo group has
 * @param maxRequestSize the largest request body accepted; larger ones get 413
 * @param maxBinarySize the largest upload of a study file ({@code Binary}, e.g. a DR image), raw or as JSON
 * @param binaryStorageDir where attachments and Binary contents are kept, outside the database; nodes of one
 *        group share it (a network file system) as they share the database
 * @param defaultPageSize search page size when the client sends no {@code _count}
 * @param maxPageSize the largest {@code _count} honoured
 * @param corsAllowedOrigins origin patterns allowed by CORS; empty turns CORS off
 * @param resourceTypes the FHIR resource types served (empty serves all 146 of R4)
 */
@ConfigurationProperties(prefix = "onesheet")
public record OneSheetProperties(
		@DefaultValue("true") boolean demoData,
		@DefaultValue("300") int demoPatients,
		@DefaultValue("20MB") DataSize maxRequestSize,
		@DefaultValue("70MB") DataSize maxBinarySize,
		@DefaultValue("./data/binaries") String binaryStorageDir,
		@DefaultValue("20") int defaultPageSize,
		@DefaultValue("500") int maxPageSize,
		@DefaultValue({"http://localhost:*", "http://127.0.0.1:*"}) List<String> corsAllowedOrigins,
		@DefaultValue({}) List<String> resourceTypes) {}
