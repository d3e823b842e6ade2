package org.sunlight.benchmark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plain-Camunda baseline's "escalation": a Java execution listener, attached at parse time to
 * every end event whose id starts with {@code Plain_}, that inserts one row into
 * {@value #TABLE} with Spring's JdbcTemplate (so in the timer job's transaction, like Sunlight's
 * escalation row). Models cannot reach it: it is not a bean and models name no class. Registered
 * only in the benchmarks' contexts ({@link BenchmarkConfiguration}).
 */
public class PlainTimerRows extends AbstractProcessEnginePlugin {

	public static final String TABLE = "bench_plain_escalation";

	private final ObjectProvider<JdbcTemplate> jdbc;

	private final ExecutionListener insertOneRow = execution -> jdbcTemplate().update(
			"insert into " + TABLE + " (id, case_id, activity_id, raised_at) values (?, ?, ?, ?)",
			UUID.randomUUID().toString(), execution.getProcessInstanceId(), execution.getCurrentActivityId(),
			Timestamp.from(ClockUtil.getCurrentTime().toInstant()));

	public PlainTimerRows(ObjectProvider<JdbcTemplate> jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the baseline's table (idempotent). */
	public static void createTable(JdbcTemplate jdbc) {
		jdbc.execute("create table if not exists " + TABLE + " (id varchar(36) not null primary key,"
				+ " case_id varchar(64) not null, activity_id varchar(255) not null,"
				+ " raised_at timestamp with time zone not null)");
		jdbc.execute("create index if not exists ix_" + TABLE + "_case on " + TABLE + " (case_id)");
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl endEventActivity) {
				if (endEventActivity.getId().startsWith("Plain_")) {
					endEventActivity.addListener(ExecutionListener.EVENTNAME_START, insertOneRow);
				}
			}
		});
	}

	/**
	 * Resolved on first use (the engine plugin exists before the data source) and then kept: a
	 * bean lookup per timer would slow the baseline and flatter Sunlight's ratio.
	 */
	private JdbcTemplate jdbcTemplate() {
		JdbcTemplate template = resolved;
		if (template == null) {
			template = jdbc.getObject();
			resolved = template;
		}
		return template;
	}

	private volatile JdbcTemplate resolved;

}
