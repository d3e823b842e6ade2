package org.sunlight.supervision;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.identity.SupervisionScope;
import org.sunlight.supervision.internal.EscalationFilter;
import org.sunlight.supervision.internal.EscalationStore;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;

/** Reading and acknowledging escalations. */
@Service
public class Escalations {

	private final EscalationStore store;
	private final AuditTrail audit;

	Escalations(EscalationStore store, AuditTrail audit) {
		this.audit = audit;
		this.store = store;
	}

	public record Page(List<Escalation> items, long total) {
	}

	public Page list(EscalationFilter filter, int page, int size) {
		return new Page(store.page(filter, page, size), store.count(filter));
	}

	/**
	 * The newest escalations of a status (and level, when given) that someone sees: those of the
	 * departments in {@code scope} and, with {@code routedTo} ({@code user:name}), the red alarms
	 * routed to that leader. For a home page: the total and the first {@code size}.
	 */
	public Page latest(Escalation.Status status, EscalationLevel level, SupervisionScope scope, String routedTo,
			int size) {
		EscalationFilter filter = new EscalationFilter(status, level, null, null, null, null,
				scope.all() ? null : scope.departments(), scope.all() ? null : routedTo);
		return list(filter, 0, size);
	}

	public Escalation get(String id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("no escalation with id " + id));
	}

	/** A supervisor has seen it; only an OPEN escalation can be acknowledged, and only once. */
	@Transactional
	public Escalation acknowledge(String id, String by, String note) {
		Escalation escalation = get(id);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (!store.acknowledge(id, by, now, note)) {
			throw new ConflictException("escalation " + id + " is " + escalation.status()
					+ (escalation.acknowledgedBy() == null ? "" : " (acknowledged by " + escalation.acknowledgedBy() + ")")
					+ "; only an OPEN escalation can be acknowledged");
		}
		// The audit record is also what the live stream follows.
		audit.record(AuditAction.ESCALATION_ACKNOWLEDGED, by, "escalation", id,
				note == null ? java.util.Map.of("caseId", escalation.caseId())
						: java.util.Map.of("caseId", escalation.caseId(), "note", note));
		return get(id);
	}

}
