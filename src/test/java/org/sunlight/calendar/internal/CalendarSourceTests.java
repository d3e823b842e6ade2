package org.sunlight.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.sunlight.calendar.CalendarDay;
import org.sunlight.calendar.DayKind;

/** A change made by another node (straight into the database here) reaches this node's copy. */
class CalendarSourceTests {

	CalendarStore store;

	JdbcTemplate otherNode;

	@BeforeEach
	void database() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).table("sl_schema_history").load().migrate();
		otherNode = new JdbcTemplate(dataSource);
		store = new CalendarStore(otherNode);
	}

	@Test
	void seesAnotherNodesChangeOnceTheRefreshIntervalHasPassed() {
		CalendarSource source = source(Duration.ZERO);
		assertThat(source.current().covers(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1))).isFalse();

		new CalendarStore(otherNode).replaceYear(2027, List.of(new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦")),
				"admin", CalendarStoreContract.NOW);

		assertThat(source.current().isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(source.current().table().covers(2027)).isTrue();
	}

	@Test
	void keepsItsCopyWithinTheRefreshIntervalUnlessThisNodeChangedTheTable() {
		CalendarSource source = source(Duration.ofHours(1));
		assertThat(source.current().table().covers(2027)).isFalse();

		store.replaceYear(2027, List.of(), "admin", CalendarStoreContract.NOW);
		assertThat(source.current().table().covers(2027)).isFalse();

		source.invalidate();
		assertThat(source.current().table().covers(2027)).isTrue();
	}

	@Test
	void usesTheConfiguredZoneAndBusinessHours() {
		CalendarSource source = new CalendarSource(store,
				new CalendarProperties("Asia/Urumqi", List.of("10:00-14:00", "15:00-19:00"), Duration.ZERO));

		assertThat(source.current().zone().getId()).isEqualTo("Asia/Urumqi");
		assertThat(source.current().hours()).hasToString("10:00-14:00,15:00-19:00");
	}

	private CalendarSource source(Duration refresh) {
		return new CalendarSource(store, new CalendarProperties("Asia/Shanghai",
				List.of("09:00-12:00", "13:30-17:30"), refresh));
	}

}
