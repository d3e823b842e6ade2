package org.sunlight.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeLimitTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "P3D, 3, 0, P3D", "PT4H, 0, 240, PT4H", "P1DT4H30M, 1, 270, P1DT4H30M", "pt90m, 0, 90, PT1H30M",
			"P20D, 20, 0, P20D", "PT0H30M, 0, 30, PT30M" })
	void readsDaysAndTimeAsModelsWriteThem(String text, int days, int minutes, String canonical) {
		TimeLimit limit = TimeLimit.parse(text);

		assertThat(limit.days()).isEqualTo(days);
		assertThat(limit.time()).isEqualTo(Duration.ofMinutes(minutes));
		assertThat(limit).hasToString(canonical);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "P0D | must be longer than zero", "PT0H | must be longer than zero",
			"-P1D | must not be negative", "P-1D | must not be negative", "PT-2H | must not be negative",
			"P1M | give days instead", "P2W | give days instead", "P1Y | give days instead",
			"P | is not an ISO-8601 duration", "PT | is not an ISO-8601 duration", "P1DT | is not an ISO-8601 duration",
			"3 days | is not an ISO-8601 duration", "P1.5D | is not an ISO-8601 duration",
			"P3661D | more than 3660 days", "PT10001H | over 10000 hours" })
	void refusesWhatIsNotAPositiveDayOrTimeDuration(String text, String message) {
		assertThatThrownBy(() -> TimeLimit.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message)
			.hasMessageContaining(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void requiresADuration(String text) {
		assertThatThrownBy(() -> TimeLimit.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("duration is required");
	}

	@Test
	void knowsItsCalendars() {
		assertThat(CalendarKind.of("workday")).isEqualTo(CalendarKind.WORKDAY);
		assertThat(CalendarKind.of("natural")).isEqualTo(CalendarKind.NATURAL);
		assertThat(CalendarKind.of(null)).isEqualTo(CalendarKind.WORKDAY);
		assertThatThrownBy(() -> CalendarKind.of("lunar")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("calendar 'lunar' is unknown: use workday or natural");
	}

	@Test
	void businessHoursAreOrderedSpansWithinADay() {
		BusinessHours hours = BusinessHours.parse(List.of("08:30-12:00", "14:00 - 18:00"));

		assertThat(hours.perDay()).isEqualTo(Duration.ofMinutes(450));
		assertThat(hours.closing()).hasToString("18:00");
		assertThat(BusinessHours.DEFAULT).hasToString("09:00-12:00,13:30-17:30");
		assertThatThrownBy(() -> BusinessHours.parse(List.of("09:00-12:00", "11:00-17:00")))
			.hasMessageContaining("overlap");
		assertThatThrownBy(() -> BusinessHours.parse(List.of("17:00-09:00"))).hasMessageContaining("open before");
		assertThatThrownBy(() -> BusinessHours.parse(List.of("9-5"))).hasMessageContaining("HH:mm-HH:mm");
		assertThatThrownBy(() -> BusinessHours.parse(List.of())).hasMessageContaining("at least one");
	}

}
