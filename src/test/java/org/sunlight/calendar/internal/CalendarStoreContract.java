package org.sunlight.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.sunlight.calendar.CalendarDay;
import org.sunlight.calendar.DayKind;
import org.sunlight.calendar.HolidayTable;
import org.sunlight.calendar.HolidayTables;

/**
 * The migration and the store on one database, run by Flyway exactly as the application does;
 * each test uses its own years so that the class can share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CalendarStoreContract {

	static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	JdbcTemplate jdbc;

	CalendarStore store;

	/** A JDBC URL of an empty database. */
	abstract String createDatabase();

	abstract String user();

	@BeforeAll
	void migrate() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(createDatabase(), user(), "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.table("sl_schema_history")
			.load()
			.migrate();
		jdbc = new JdbcTemplate(dataSource);
		store = new CalendarStore(jdbc);
	}

	@Test
	void seedsTheStateCouncilTablesFor2025And2026() {
		HolidayTable table = store.load();

		assertThat(table.year(2025)).isEqualTo(HolidayTables.seeded().year(2025));
		assertThat(table.year(2026)).isEqualTo(HolidayTables.seeded().year(2026));
		assertThat(store.year(2026)).isEqualTo(HolidayTables.seeded().year(2026));
		assertThat(table.covers(2025)).isTrue();
		assertThat(table.covers(2026)).isTrue();
		assertThat(table.covers(2027)).isFalse();
		assertThat(store.years()).extracting(CalendarStore.CoveredYear::updatedBy).contains("initial data");
	}

	@Test
	void replacingAYearReplacesItsExceptionsOnlyAndMarksItCovered() {
		store.replaceYear(2030, List.of(day("2030-01-01", DayKind.HOLIDAY, "元旦"), day("2030-01-05", DayKind.WORKDAY, null)),
				"admin", NOW);
		store.replaceYear(2030, List.of(day("2030-10-01", DayKind.HOLIDAY, "国庆节")), "admin2", NOW.plusDays(1));

		assertThat(store.year(2030)).containsExactly(day("2030-10-01", DayKind.HOLIDAY, "国庆节"));
		assertThat(store.year(2026)).hasSameSizeAs(HolidayTables.year2026());
		assertThat(store.years()).filteredOn(year -> year.year() == 2030)
			.singleElement()
			.satisfies(year -> {
				assertThat(year.updatedBy()).isEqualTo("admin2");
				assertThat(year.updatedAt().toInstant()).isEqualTo(NOW.plusDays(1).toInstant());
			});
	}

	@Test
	void aYearWithoutExceptionsIsStillCovered() {
		store.replaceYear(2031, List.of(), "admin", NOW);

		assertThat(store.load().covers(2031)).isTrue();
		assertThat(store.year(2031)).isEmpty();
	}

	@Test
	void everyChangeOfAnyYearChangesTheStamp() {
		CalendarStore.Stamp before = store.stamp();
		store.replaceYear(2032, List.of(), "admin", NOW);
		CalendarStore.Stamp added = store.stamp();
		store.replaceYear(2032, List.of(day("2032-01-01", DayKind.HOLIDAY, "元旦")), "admin", NOW);

		assertThat(added).isNotEqualTo(before);
		assertThat(store.stamp()).isNotEqualTo(added);
		assertThat(store.stamp()).isEqualTo(store.stamp());
	}

	@Test
	void theTableAcceptsOnlyHolidaysAndMakeUpWorkdays() {
		assertThatThrownBy(() -> jdbc.update("insert into sl_calendar_day (calendar_date, kind) values (?, 'VACATION')",
				LocalDate.of(2033, 1, 1))).isInstanceOf(DataIntegrityViolationException.class);
	}

	private static CalendarDay day(String date, DayKind kind, String name) {
		return new CalendarDay(LocalDate.parse(date), kind, name);
	}

}
