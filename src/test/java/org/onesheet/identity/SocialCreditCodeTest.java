package org.onesheet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialCreditCodeTest {

	@Test
	void aPublishedCodeValidatesAndATamperedOneDoesNot() {
		// A published unified social credit code (a Shenzhen company), check character 'T'.
		assertThat(SocialCreditCode.isValid("91440300708461136T")).isTrue();
		assertThat(SocialCreditCode.isValid("91440300708461136Y")).isFalse();
		assertThat(SocialCreditCode.withCheckCharacter("91440300708461136")).isEqualTo("91440300708461136T");
	}
}
