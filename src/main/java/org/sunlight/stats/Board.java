package org.sunlight.stats;

import java.time.OffsetDateTime;
import java.util.List;

/** The lamp board: open steps and cases by department and by power, as of {@code at}. */
public record Board(OffsetDateTime at, LampCount stepTotals, LampCount caseTotals, List<LampCount> stepsByDepartment,
		List<LampCount> stepsByPower, List<LampCount> casesByDepartment, List<LampCount> casesByPower) {
}
