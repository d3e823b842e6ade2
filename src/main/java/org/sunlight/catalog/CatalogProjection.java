package org.sunlight.catalog;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerDeployed;
import org.sunlight.modeling.PowerDescription;

/**
 * Keeps the catalog's tables in step with deployments. It listens synchronously, inside the
 * deployment's transaction, so a power is in the catalog exactly when its version exists.
 */
@Component
class CatalogProjection {

	private final JdbcTemplate jdbc;

	CatalogProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PowerDeployed event) {
		PowerDescription power = event.description();
		jdbc.update("delete from sl_catalog_power where power_code = ?", event.powerCode());
		jdbc.update("""
				insert into sl_catalog_power (power_code, name, category, department, legal_basis, statutory_limit,
				  promised_limit, calendar, is_public, fee, latest_version, process_key, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", event.powerCode(),
				power.name() == null ? power.code() : power.name(), power.category(), power.department(),
				power.legalBasis(), power.statutoryLimit(), power.promisedLimit(),
				power.calendar() == null ? "workday" : power.calendar(), power.isPublic(), power.fee(), event.version(),
				power.processId(), Timestamp.from(event.deployedAt().toInstant()));
		List<PowerDescription.Step> steps = power.steps();
		for (int i = 0; i < steps.size(); i++) {
			PowerDescription.Step step = steps.get(i);
			jdbc.update("""
					insert into sl_catalog_step (power_code, position, step_id, name, assignee, candidate_groups,
					  time_limit, warn_before, supervisor, risk_level, unsupervised)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", event.powerCode(), i, step.id(), step.name(),
					step.assignee(), String.join(",", step.candidateGroups()), step.timeLimit(), step.warnBefore(),
					step.supervisor(), step.riskLevel(), step.unsupervisedReason());
			for (int r = 0; r < step.risks().size(); r++) {
				PowerDescription.Risk risk = step.risks().get(r);
				jdbc.update("""
						insert into sl_catalog_risk (power_code, step_id, position, code, level, description, measure)
						values (?, ?, ?, ?, ?, ?, ?)""", event.powerCode(), step.id(), r, risk.code(), risk.level(),
						risk.description(), risk.measure());
			}
		}
	}

}
