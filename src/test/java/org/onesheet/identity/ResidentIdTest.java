package org.onesheet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

	@Test
	void theStandardsWorkedExampleHasCheckCharacterX() {
		// GB 11643-1999 appendix example: 11010519491231002X
		assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(new ResidentId("11010519491231002X").isValid()).isTrue();
		assertThat(new ResidentId("11010519491231002x").isValid()).isTrue();
	}

	@Test
	void aBuiltNumberCarriesItsBirthDateSexAndDivision() {
		ResidentId id = ResidentId.of("652327", LocalDate.of(1958, 3, 9), 123, ResidentId.Sex.FEMALE);
		assertThat(id.value()).hasSize(18).startsWith("65232719580309246");
		assertThat(id.isValid()).isTrue();
		assertThat(id.birthDate()).contains(LocalDate.of(1958, 3, 9));
		assertThat(id.sex()).isEqualTo(ResidentId.Sex.FEMALE);
		assertThat(id.divisionCode()).isEqualTo("652327");
		assertThat(ResidentId.of("652327", LocalDate.of(1958, 3, 9), 123, ResidentId.Sex.MALE).sex())
				.isEqualTo(ResidentId.Sex.MALE);
	}

	@Test
	void aWrongCheckDigitIsReportedWithTheExpectedOne() {
		ResidentId valid = ResidentId.of("652327", LocalDate.of(1970, 1, 1), 5, ResidentId.Sex.MALE);
		char wrong = valid.value().charAt(17) == '3' ? '4' : '3';
		ResidentId tampered = new ResidentId(valid.value().substring(0, 17) + wrong);
		assertThat(tampered.problem()).hasValueSatisfying(problem -> assertThat(problem)
				.contains("校验位")
				.contains("expected " + valid.value().charAt(17))
				.contains("got " + wrong));
	}

	@Test
	void anImpossibleBirthDateOrWrongLengthIsReported() {
		assertThat(new ResidentId("652327" + "19990230" + "0011").problem()).hasValueSatisfying(
				problem -> assertThat(problem).contains("19990230"));
		assertThat(new ResidentId("65232719990101001").problem()).isPresent();
		assertThat(new ResidentId(null).problem()).isPresent();
	}
}
