package org.onesheet.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The 18-character resident identity number (居民身份证号) of GB 11643-1999:
 * six digits of the registering division (GB/T 2260), eight of the birth date,
 * three of sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
public record ResidentId(String value) {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK_CHARACTERS = "10X98765432";
	private static final DateTimeFormatter BIRTH_DATE =
			DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

	public enum Sex {
		MALE,
		FEMALE
	}

	/** Builds a valid number from its parts, computing the check character. */
	public static ResidentId of(String divisionCode, LocalDate birthDate, int sequence, Sex sex) {
		if (!divisionCode.matches("\\d{6}")) {
			throw new IllegalArgumentException("division code must be 6 digits: " + divisionCode);
		}
		if (sequence < 0 || sequence > 499) {
			throw new IllegalArgumentException("sequence must be 0..499: " + sequence);
		}
		int sequenceDigits = sequence * 2 + (sex == Sex.MALE ? 1 : 0);
		String body = divisionCode + BIRTH_DATE.format(birthDate) + String.format("%03d", sequenceDigits);
		return new ResidentId(body + checkCharacter(body));
	}

	/** The check character that the first 17 digits call for. */
	public static char checkCharacter(String first17Digits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	/** What is wrong with this number, in Chinese and English; empty when it is well formed. */
	public Optional<String> problem() {
		if (value == null || !value.matches("\\d{17}[0-9Xx]")) {
			return Optional.of("身份证号应为18位，前17位为数字 (resident ID must be 17 digits and a check character 0-9 or X)");
		}
		if (birthDate().isEmpty()) {
			return Optional.of("身份证号中的出生日期无效 (resident ID digits 7-14 are not a valid birth date: "
					+ value.substring(6, 14) + ")");
		}
		char expected = checkCharacter(value);
		char actual = Character.toUpperCase(value.charAt(17));
		if (expected != actual) {
			return Optional.of("身份证号校验位错误 (resident ID check digit is wrong: expected " + expected + ", got "
					+ actual + ")");
		}
		return Optional.empty();
	}

	public boolean isValid() {
		return problem().isEmpty();
	}

	public Optional<LocalDate> birthDate() {
		try {
			return Optional.of(LocalDate.parse(value.substring(6, 14), BIRTH_DATE));
		} catch (DateTimeException | IndexOutOfBoundsException e) {
			return Optional.empty();
		}
	}

	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
	}

	public String divisionCode() {
		return value.substring(0, 6);
	}
}
