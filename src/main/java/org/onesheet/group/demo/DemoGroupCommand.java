package org.onesheet.group.demo;

public final class DemoGroupCommand {
	public static final String NAME = "generate-demo";

	private DemoGroupCommand() {
	}

	public static int run(String[] args) {
		return 0;
	}
}
