package org.sunlight.risk;

/**
 * How registers print a level: 1 高 in red, 2 中 in orange, 3 低 in yellow, the colours of the
 * integrity-risk rules that the app's level tag (frontend RiskLevelTag.vue) also uses.
 */
public final class RiskLevel {

	private RiskLevel() {
	}

	public static String label(int level) {
		return switch (level) {
			case 1 -> "高";
			case 2 -> "中";
			case 3 -> "低";
			default -> String.valueOf(level);
		};
	}

	/** The level's colour as RGB hex, without {@code #}. */
	public static String colour(int level) {
		return switch (level) {
			case 1 -> "E53935";
			case 2 -> "FB8C00";
			default -> "FDD835";
		};
	}

	/** Text on the level's colour: white on red and orange, dark on yellow. */
	public static String textColour(int level) {
		return level == 3 ? "3E2F00" : "FFFFFF";
	}

}
