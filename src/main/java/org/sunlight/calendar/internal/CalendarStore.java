package org.sunlight.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.calendar.CalendarDay;
import org.sunlight.calendar.DayKind;
import org.sunlight.calendar.HolidayTable;

/**
 * The holiday table in {@code sl_calendar_day} and the years it covers in {@code sl_calendar_year}.
 * Every change of a year raises that year's revision, so the sum of revisions tells any node
 * whether its copy is stale.
 */
@Repository
public class CalendarStore {

	/** Changes when any year is entered or replaced, on any node. */
	public record Stamp(long years, long revisions) {
	}

	/** A year whose table has been entered, and by whom. */
	public record CoveredYear(int year, OffsetDateTime updatedAt, String updatedBy) {
	}

	private final JdbcTemplate jdbc;

	public CalendarStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public HolidayTable load() {
		List<CalendarDay> days = jdbc.query("select calendar_date, kind, name from sl_calendar_day",
				CalendarStore::day);
		List<Integer> years = jdbc.queryForList("select calendar_year from sl_calendar_year", Integer.class);
		return HolidayTable.of(days, years);
	}

	public Stamp stamp() {
		return jdbc.queryForObject("select count(*), coalesce(sum(revision), 0) from sl_calendar_year",
				(rs, row) -> new Stamp(rs.getLong(1), rs.getLong(2)));
	}

	public List<CalendarDay> year(int year) {
		return jdbc.query("select calendar_date, kind, name from sl_calendar_day"
				+ " where calendar_date >= ? and calendar_date < ? order by calendar_date", CalendarStore::day,
				LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
	}

	public List<CoveredYear> years() {
		return jdbc.query("select calendar_year, updated_at, updated_by from sl_calendar_year order by calendar_year",
				(rs, row) -> new CoveredYear(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)));
	}

	/**
	 * Replaces every exception of {@code year} and marks the year covered. The year's row is
	 * updated first, so concurrent replacements of one year wait for each other; two first entries
	 * of a new year collide on its primary key and the second is refused.
	 */
	@Transactional
	public void replaceYear(int year, List<CalendarDay> days, String by, OffsetDateTime at) {
		int updated = jdbc.update("update sl_calendar_year set revision = revision + 1, updated_at = ?, updated_by = ?"
				+ " where calendar_year = ?", at, by, year);
		if (updated == 0) {
			jdbc.update("insert into sl_calendar_year (calendar_year, revision, updated_at, updated_by) values (?, 1, ?, ?)",
					year, at, by);
		}
		jdbc.update("delete from sl_calendar_day where calendar_date >= ? and calendar_date < ?",
				LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
		jdbc.batchUpdate("insert into sl_calendar_day (calendar_date, kind, name) values (?, ?, ?)", days, 100,
				(statement, day) -> {
					statement.setObject(1, day.date());
					statement.setString(2, day.kind().name());
					statement.setString(3, day.name());
				});
	}

	private static CalendarDay day(ResultSet rs, int row) throws SQLException {
		return new CalendarDay(rs.getObject("calendar_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
				rs.getString("name"));
	}

}
