package org.onesheet.identity;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015,
 * whose last character is a MOD 31 check over the first seventeen.
 */
public final class SocialCreditCode {

	private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

	private SocialCreditCode() {
	}

	/** Completes seventeen characters with their check character. */
	public static String withCheckCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CHARACTERS.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		return first17 + CHARACTERS.charAt((31 - sum % 31) % 31);
	}

	public static boolean isValid(String code) {
		return code != null && code.length() == 18 && withCheckCharacter(code.substring(0, 17)).equals(code);
	}
}
