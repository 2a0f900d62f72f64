package org.onesheet.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART system scope: a resource type (or {@code *}) and the interactions allowed on it. Reads SMART v2
 * ({@code system/Patient.rs}, {@code system/*.cruds}) and the v1 forms clients still send
 * ({@code system/Patient.read}, {@code system/*.write}, {@code system/*.*}).
 */
public record SmartScope(String resourceType, Set<Interaction> interactions) {

	/** SMART v2's permission letters, in the order the scope must give them. */
	public enum Interaction {
		CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

		private final char letter;

		Interaction(char letter) {
			this.letter = letter;
		}
	}

	public static final String ANY_TYPE = "*";

	private static final Pattern FORM = Pattern.compile("system/([A-Z][A-Za-z]+|\\*)\\.([a-z*]+)");

	/** The scope a string names, if it is a SMART system scope this server understands. */
	public static Optional<SmartScope> parse(String scope) {
		Matcher matcher = FORM.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return interactions(matcher.group(2)).map(set -> new SmartScope(matcher.group(1), set));
	}

	private static Optional<Set<Interaction>> interactions(String permissions) {
		switch (permissions) {
			case "*":
				return Optional.of(EnumSet.allOf(Interaction.class));
			case "read":
				return Optional.of(EnumSet.of(Interaction.READ, Interaction.SEARCH));
			case "write":
				return Optional.of(EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE));
			default:
				break;
		}
		// v2: letters from "cruds", each at most once and in that order
		EnumSet<Interaction> set = EnumSet.noneOf(Interaction.class);
		int next = 0;
		for (char letter : permissions.toCharArray()) {
			Interaction found = null;
			for (Interaction interaction : Interaction.values()) {
				if (interaction.ordinal() >= next && interaction.letter == letter) {
					found = interaction;
					break;
				}
			}
			if (found == null) {
				return Optional.empty();
			}
			set.add(found);
			next = found.ordinal() + 1;
		}
		return set.isEmpty() ? Optional.empty() : Optional.of(set);
	}

	/** The scope in SMART v2 form, e.g. {@code system/Patient.rs}. */
	@Override
	public String toString() {
		StringBuilder letters = new StringBuilder();
		interactions.stream().sorted().forEach(interaction -> letters.append(interaction.letter));
		return "system/" + resourceType + "." + letters;
	}

	public boolean anyType() {
		return ANY_TYPE.equals(resourceType);
	}

	public boolean allows(String type, Interaction interaction) {
		return (anyType() || resourceType.equals(type)) && interactions.contains(interaction);
	}

	/** True when everything this scope allows, {@code wider} allows too (a client may ask for less than it holds). */
	public boolean within(SmartScope wider) {
		return (wider.anyType() || wider.resourceType.equals(resourceType)) && wider.interactions.containsAll(interactions);
	}
}
