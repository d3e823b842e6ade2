package org.sunlight.complaint.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.casework.Cases;

/**
 * The retention of a complainant's personal data (docs/portal.md, "Retention"): the name and
 * phone are kept {@code sunlight.complaints.retention} (three years) after the complaint closes,
 * then erased from the complaint, its case and the engine's history by a nightly job on the engine
 * clock. Each complaint is erased in its own transaction, once, whichever node runs first.
 */
@Component
public class ComplaintRetention {

	private static final Logger log = LoggerFactory.getLogger(ComplaintRetention.class);
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	/** What a complaint's case shows as its applicant once the complainant's name is erased. */
	static final String ERASED = "（已删除）";
	static final String ANONYMOUS = "匿名";

	private final ComplaintStore store;
	private final ComplaintChallenges challenges;
	private final Cases cases;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Period retention;

	ComplaintRetention(ComplaintStore store, ComplaintChallenges challenges, Cases cases, AuditTrail audit,
			TransactionTemplate transactions, @Value("${sunlight.complaints.retention:P3Y}") Period retention) {
		this.store = store;
		this.challenges = challenges;
		this.cases = cases;
		this.audit = audit;
		this.transactions = transactions;
		this.retention = retention;
	}

	@Scheduled(cron = "${sunlight.complaints.erase-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		int erased = eraseDue();
		if (erased > 0) {
			log.info("Erased the complainant data of {} complaints closed more than {} ago", erased, retention);
		}
	}

	/** Erases what is due now on the engine clock; the number of complaints erased. */
	public int eraseDue() {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Instant cutoff = now.atZone(ZONE).minus(retention).toInstant();
		int erased = 0;
		for (ComplaintStore.ComplaintRow row : store.dueForErasure(cutoff)) {
			Boolean done = transactions.execute(status -> {
				if (!store.erase(row.id(), now)) {
					return false;
				}
				// An anonymous complaint had no name to erase: it stays "匿名".
				cases.eraseApplicant(row.caseId(), row.anonymous() ? ANONYMOUS : ERASED);
				audit.record(AuditAction.COMPLAINT_DATA_ERASED, "system", "case", row.caseId(),
						Map.of("complaintNumber", row.complaintNumber(), "closedAt", String.valueOf(row.closedAt())));
				return true;
			});
			erased += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		// A used challenge only matters while it is valid; a day later it can go.
		challenges.forgetUsedBefore(now.minus(challenges.validity()).minus(Duration.ofDays(1)));
		return erased;
	}

}
