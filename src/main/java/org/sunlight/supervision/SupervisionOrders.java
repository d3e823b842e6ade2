package org.sunlight.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.system.ConflictException;
import org.sunlight.system.Paging;

/**
 * Issues supervision orders. Each order starts a case of the supervision_order power whose one
 * step, the reply, goes to the escalated step's responsible person or post and is supervised on
 * the order's own limit: an ignored order is itself escalated.
 */
@Service
public class SupervisionOrders {

	/** The power code of {@code supervision-order.bpmn}, deployed at start-up. */
	public static final String ORDER_POWER = "SYS-SUPERVISION-ORDER";
	static final int MAX_INSTRUCTION = 2000;

	private final Escalations escalations;
	private final PowerVersions powers;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final WorkingTime workingTime;
	private final JdbcTemplate jdbc;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	SupervisionOrders(Escalations escalations, PowerVersions powers, RuntimeService runtime, TaskService tasks,
			WorkingTime workingTime, JdbcTemplate jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.events = events;
		this.audit = audit;
		this.escalations = escalations;
		this.powers = powers;
		this.runtime = runtime;
		this.tasks = tasks;
		this.workingTime = workingTime;
		this.jdbc = jdbc;
	}

	@Transactional
	public SupervisionOrder issue(String escalationId, String instruction, String replyWithin, String by) {
		Escalation escalation = escalations.get(escalationId);
		if (instruction == null || instruction.isBlank()) {
			throw new IllegalArgumentException("instruction is required");
		}
		if (instruction.length() > MAX_INSTRUCTION) {
			throw new IllegalArgumentException("instruction is longer than " + MAX_INSTRUCTION + " characters");
		}
		if (replyWithin == null || replyWithin.isBlank()) {
			throw new IllegalArgumentException("replyWithin is required, e.g. P1D (one working day) or PT4H");
		}
		Instant now = ClockUtil.getCurrentTime().toInstant();
		// Refuses malformed, zero or negative durations with a precise message (400).
		workingTime.deadline(now, replyWithin.trim(), "workday");
		if (escalation.status() == Escalation.Status.RESOLVED) {
			throw new ConflictException("escalation " + escalationId + " is resolved: its "
					+ (escalation.scope() == Escalation.Scope.STEP ? "step" : "case") + " has ended");
		}
		String definitionId = powers.latest(ORDER_POWER)
			.orElseThrow(() -> new IllegalStateException("the supervision order process is not deployed"))
			.processDefinitionId();
		Map<String, Object> variables = new HashMap<>();
		variables.put("orderAssignee", null);
		List<String> groups = new ArrayList<>();
		for (String who : escalation.responsible() == null ? new String[0] : escalation.responsible().split(",")) {
			if (who.startsWith("user:") && variables.get("orderAssignee") == null) {
				variables.put("orderAssignee", who.substring("user:".length()));
			}
			else if (who.startsWith("group:")) {
				groups.add(who.substring("group:".length()));
			}
		}
		if (groups.isEmpty() && escalation.department() != null) {
			groups.add(escalation.department());
		}
		variables.put("orderGroups", String.join(",", groups));
		variables.put(SupervisionClock.STEP_LIMIT_VARIABLE, replyWithin.trim());
		variables.put("instruction", instruction.trim());
		variables.put("escalationId", escalationId);
		variables.put("supervisedCaseId", escalation.caseId());
		String orderId = UUID.randomUUID().toString();
		String orderCase = runtime.startProcessInstanceById(definitionId, "DB-" + orderId.substring(0, 8), variables)
			.getId();
		Task reply = tasks.createTaskQuery().processInstanceId(orderCase).singleResult();
		jdbc.update("""
				insert into sl_supervision_order (id, escalation_id, case_id, order_case_id, instruction, reply_within,
				  issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", orderId, escalationId, escalation.caseId(),
				orderCase, instruction.trim(), replyWithin.trim(), by, java.sql.Timestamp.from(now));
		audit.record(AuditAction.SUPERVISION_ORDER_ISSUED, by, "escalation", escalationId,
				Map.of("orderId", orderId, "orderCaseId", orderCase, "caseId", escalation.caseId(), "replyWithin",
						replyWithin.trim(), "instruction", instruction.trim()));
		SupervisionOrder order = new SupervisionOrder(orderId, escalationId, escalation.caseId(), orderCase,
				reply.getId(), instruction.trim(), replyWithin.trim(), by, now, reply.getDueDate().toInstant());
		events.publishEvent(new OrderIssued(order, escalation, (String) variables.get("orderAssignee"), groups));
		return order;
	}

	/** The order a case of the supervision_order power carries, as recorded when it was issued. */
	public java.util.Optional<SupervisionOrder> ofOrderCase(String orderCaseId) {
		return ofOrderCases(List.of(orderCaseId)).stream().findFirst();
	}

	/**
	 * Every order issued, newest first, as recorded when it was issued ({@code taskId} and
	 * {@code deadline} belong to the running reply and are left out here).
	 */
	public List<SupervisionOrder> recorded() {
		return jdbc.query(SELECT + " order by issued_at desc", SupervisionOrders::map);
	}

	/** The orders someone issued, newest first, a page of them. */
	public List<SupervisionOrder> issuedBy(String user, Paging paging) {
		return jdbc.query(SELECT + " where issued_by = ? order by issued_at desc, id offset ? rows fetch next ? rows only",
				SupervisionOrders::map, user, paging.offset(), paging.size());
	}

	public long countIssuedBy(String user) {
		Long count = jdbc.queryForObject("select count(*) from sl_supervision_order where issued_by = ?", Long.class,
				user);
		return count == null ? 0 : count;
	}

	/** The orders carried by these order cases. */
	public List<SupervisionOrder> ofOrderCases(Collection<String> orderCaseIds) {
		if (orderCaseIds.isEmpty()) {
			return List.of();
		}
		return jdbc.query(SELECT + " where order_case_id in ("
				+ String.join(", ", Collections.nCopies(orderCaseIds.size(), "?")) + ") order by issued_at desc",
				SupervisionOrders::map, orderCaseIds.toArray());
	}

	private static final String SELECT = """
			select id, escalation_id, case_id, order_case_id, instruction, reply_within, issued_by, issued_at
			from sl_supervision_order""";

	private static SupervisionOrder map(ResultSet rs, int row) throws SQLException {
		return new SupervisionOrder(rs.getString("id"), rs.getString("escalation_id"), rs.getString("case_id"),
				rs.getString("order_case_id"), null, rs.getString("instruction"), rs.getString("reply_within"),
				rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), null);
	}

}
