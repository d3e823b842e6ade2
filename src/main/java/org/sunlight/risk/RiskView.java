package org.sunlight.risk;

import java.util.Arrays;
import java.util.Locale;

import org.sunlight.system.InvalidParameterException;

/** The three registers a unit keeps: by post (岗位廉政风险点登记表), by department and for the whole unit. */
public enum RiskView {

	POST("岗位廉政风险点登记表"), DEPARTMENT("部门廉政风险点登记表"), UNIT("单位廉政风险点登记表");

	private final String title;

	RiskView(String title) {
		this.title = title;
	}

	/** The register's title as units print it. */
	public String title() {
		return title;
	}

	/** The whole unit unless asked otherwise; an unknown view is a 400 that names the allowed ones. */
	public static RiskView of(String value) {
		if (value == null || value.isBlank()) {
			return UNIT;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("error.risk.view", "view must be one of "
					+ Arrays.toString(values()) + ", not '" + InvalidParameterException.echo(value) + "'",
					InvalidParameterException.echo(value));
		}
	}

}
