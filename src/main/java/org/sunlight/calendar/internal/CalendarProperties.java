package org.sunlight.calendar.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sunlight.calendar.BusinessHours;

/**
 * {@code sunlight.calendar.*}: the time zone deadlines are counted in, the business hours of a
 * working day, and how often a node checks the database for a holiday table changed by another
 * node. Bad values stop start-up with the reason.
 */
@ConfigurationProperties("sunlight.calendar")
public record CalendarProperties(@DefaultValue("Asia/Shanghai") String zone,
		@DefaultValue({ "09:00-12:00", "13:30-17:30" }) List<String> businessHours,
		@DefaultValue("30s") Duration refresh) {

	public CalendarProperties {
		zoneId(zone);
		BusinessHours.parse(businessHours);
		if (refresh.isNegative()) {
			throw new IllegalArgumentException("sunlight.calendar.refresh must not be negative");
		}
	}

	public ZoneId zoneId() {
		return zoneId(zone);
	}

	public BusinessHours hours() {
		return BusinessHours.parse(businessHours);
	}

	private static ZoneId zoneId(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("sunlight.calendar.zone '" + zone + "' is not a time zone", ex);
		}
	}

}
