package org.onesheet.metrics;

import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;

/**
 * One of the group's metrics, evaluated over the database for a period. {@code scope} holds the member
 * organisations the report covers: all members, or the subject organisation and those under it.
 */
public interface GroupMeasure {

	/** The Measure's id in the IG, e.g. {@code primary-care-share}. */
	String id();

	MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject);
}
