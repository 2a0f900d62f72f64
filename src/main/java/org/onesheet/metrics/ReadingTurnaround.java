package org.onesheet.metrics;

import org.springframework.stereotype.Component;

/** 远程诊断出报告时长: minutes from a remote-reading request to its final report, by the requesting township. */
@Component
public class ReadingTurnaround extends DurationMeasure {

	public ReadingTurnaround(IndexQueries queries) {
		super(queries::turnaroundMinutes, "min");
	}

	@Override
	public String id() {
		return "reading-turnaround";
	}
}
