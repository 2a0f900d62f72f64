package org.onesheet.bench;

import java.util.Arrays;

/** Entry point of the benchmark suite; scripts/bench.sh calls it once per step: load, reads, report. */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: Bench load|reads|report ARGS… (see scripts/bench.sh)");
			System.exit(2);
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try {
			switch (args[0]) {
				case "load" -> Load.run(rest);
				case "reads" -> Reads.run(rest);
				case "report" -> Report.run(rest);
				default -> throw new IllegalArgumentException("unknown step " + args[0]);
			}
		} catch (Exception e) {
			e.printStackTrace();
			System.exit(1); // a failed step ends the run, whatever client threads are still waiting
		}
	}
}
