package org.onesheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.onesheet.security.SmartScope.Interaction;

class SmartScopeTest {

	@Test
	void readsSmartV2Letters() {
		SmartScope scope = SmartScope.parse("system/Patient.rs").orElseThrow();
		assertThat(scope.resourceType()).isEqualTo("Patient");
		assertThat(scope.interactions()).containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
		assertThat(scope.allows("Patient", Interaction.READ)).isTrue();
		assertThat(scope.allows("Patient", Interaction.CREATE)).isFalse();
		assertThat(scope.allows("Observation", Interaction.READ)).isFalse();
		assertThat(SmartScope.parse("system/*.cruds").orElseThrow().interactions()).isEqualTo(EnumSet.allOf(Interaction.class));
		assertThat(scope).hasToString("system/Patient.rs");
	}

	@Test
	void readsTheV1FormsClientsStillSend() {
		assertThat(SmartScope.parse("system/Observation.read").orElseThrow().interactions())
				.containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
		assertThat(SmartScope.parse("system/*.write").orElseThrow().interactions())
				.containsExactlyInAnyOrder(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
		assertThat(SmartScope.parse("system/*.*").orElseThrow().interactions()).isEqualTo(EnumSet.allOf(Interaction.class));
	}

	@Test
	void refusesWhatIsNotASystemScope() {
		assertThat(SmartScope.parse("system/Patient.sr")).as("letters out of order").isEmpty();
		assertThat(SmartScope.parse("system/Patient.rr")).as("a letter twice").isEmpty();
		assertThat(SmartScope.parse("system/Patient.x")).isEmpty();
		assertThat(SmartScope.parse("patient/Patient.rs")).as("not a backend-services scope").isEmpty();
		assertThat(SmartScope.parse("openid")).isEmpty();
	}

	@Test
	void aNarrowerScopeLiesWithinAWiderOne() {
		SmartScope all = SmartScope.parse("system/*.rs").orElseThrow();
		assertThat(SmartScope.parse("system/Observation.r").orElseThrow().within(all)).isTrue();
		assertThat(SmartScope.parse("system/Observation.rs").orElseThrow().within(all)).isTrue();
		assertThat(SmartScope.parse("system/Observation.crs").orElseThrow().within(all)).isFalse();
		assertThat(all.within(SmartScope.parse("system/Observation.rs").orElseThrow())).isFalse();
	}
}
