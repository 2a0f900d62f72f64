package org.onesheet.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.mdm.config.MdmConsumerConfig;
import ca.uhn.fhir.jpa.mdm.config.MdmSubmitterConfig;
import ca.uhn.fhir.jpa.nickname.INicknameSvc;
import ca.uhn.fhir.jpa.nickname.NicknameSvc;
import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.rules.config.MdmRuleValidator;
import ca.uhn.fhir.mdm.rules.config.MdmSettings;
import ca.uhn.fhir.mdm.rules.matcher.IMatcherFactory;
import ca.uhn.fhir.mdm.rules.matcher.MdmMatcherFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.onesheet.record.ChineseMatcherFactory;
import org.onesheet.record.RecordProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

/**
 * HAPI's master data management (MDM) on Patient: every registration of a resident at a clinic is linked to
 * one golden Patient that carries the resident ID. The rules ({@code record/mdm-rules.json}) say what
 * matches; HAPI's MDM does the linking, after each write, through the subscription matcher.
 */
@Configuration
@Import({MdmConsumerConfig.class, MdmSubmitterConfig.class})
public class MdmConfig {

	static final String RULES = "record/mdm-rules.json";

	@Bean
	public IMdmSettings mdmSettings(MdmRuleValidator validator, RecordProperties properties) throws IOException {
		try (InputStream rules = new ClassPathResource(RULES).getInputStream()) {
			MdmSettings settings = new MdmSettings(validator)
					.setEnabled(properties.mdm())
					.setScriptText(new String(rules.readAllBytes(), StandardCharsets.UTF_8));
			// A resident has one resident ID for life; a second one on a registration is a clerk's error.
			settings.setPreventMultipleEids(true);
			return settings;
		}
	}

	/** Only HAPI's NICKNAME matcher reads this English nickname table; our rules never use it. */
	@Bean
	public INicknameSvc nicknameSvc() {
		return new NicknameSvc();
	}

	@Bean
	@Primary
	public IMatcherFactory chineseMatcherFactory(FhirContext fhirContext, IMdmSettings settings,
			INicknameSvc nicknames) {
		return new ChineseMatcherFactory(new MdmMatcherFactory(fhirContext, settings, nicknames));
	}
}
