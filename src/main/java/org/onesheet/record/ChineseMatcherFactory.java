package org.onesheet.record;

import ca.uhn.fhir.mdm.rules.matcher.IMatcherFactory;
import ca.uhn.fhir.mdm.rules.matcher.models.IMdmFieldMatcher;
import ca.uhn.fhir.mdm.rules.matcher.models.MatchTypeEnum;

/**
 * HAPI's matchers, except that {@code STRING} compares the way {@link ChineseNameMatcher} does. HAPI's own
 * STRING matcher strips accents and case but leaves full-width characters and spaces, which is what differs
 * between one clinic's 王　芳 and another's 王芳.
 */
public class ChineseMatcherFactory implements IMatcherFactory {

	private final IMatcherFactory hapi;

	public ChineseMatcherFactory(IMatcherFactory hapi) {
		this.hapi = hapi;
	}

	@Override
	public IMdmFieldMatcher getFieldMatcherForMatchType(MatchTypeEnum type) {
		return type == MatchTypeEnum.STRING ? new ChineseNameMatcher() : hapi.getFieldMatcherForMatchType(type);
	}
}
