package org.onesheet.metrics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Period;
import org.onesheet.system.ChinaTime;

/**
 * The days a measure covers, first to last inclusive, as the group counts them: calendar days in
 * Asia/Shanghai, whatever zone the server's clock is in.
 */
public record MeasurePeriod(LocalDate first, LocalDate last) {

	/** The first instant of the period. */
	public Timestamp from() {
		return Timestamp.from(first.atStartOfDay(ChinaTime.ZONE).toInstant());
	}

	/** The first instant after the period. */
	public Timestamp to() {
		return Timestamp.from(last.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
	}

	public Period asFhir() {
		return new Period().setStart(Date.from(from().toInstant())).setEnd(Date.from(to().toInstant().minusMillis(1)));
	}
}
