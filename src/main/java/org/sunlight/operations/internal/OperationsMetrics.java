package org.sunlight.operations.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunlight.audit.AuditTrail;
import org.sunlight.calendar.CalendarCoverage;
import org.sunlight.calendar.WorkCalendar;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.operations.OutboxBacklog;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationRaised;
import org.sunlight.system.LiveStream;

/**
 * Sunlight's meters (docs/operations.md). Counters move when what they count has committed. The
 * gauges that need the database read a sample taken off the request path every
 * {@code sunlight.operations.sample-every}, so a scrape never waits on a database that is away: the
 * sample's age says how fresh the figures are, and a failed sample leaves them as they were.
 */
@Component
class OperationsMetrics implements MeterBinder, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

	/** One sample of the figures that cost a query. */
	record Sample(long jobsDue, double oldestDueSeconds, long jobsFailed, Long outboxPending, Long outboxFailed,
			boolean currentYearCovered, boolean nextYearCovered, long auditUnsealed, long auditUnsigned, Instant takenAt) {
	}

	private final ManagementService management;
	private final WorkingTime workingTime;
	private final AuditTrail audit;
	private final ObjectProvider<OutboxBacklog> outbox;
	private final List<LiveStream> streams;
	private final long sampleMillis;
	private volatile Sample sample;
	private volatile MeterRegistry registry;
	private volatile ScheduledExecutorService sampler;

	OperationsMetrics(ManagementService management, WorkingTime workingTime, AuditTrail audit,
			ObjectProvider<OutboxBacklog> outbox, List<LiveStream> streams,
			@Value("${sunlight.operations.sample-every:15s}") Duration sampleEvery) {
		this.management = management;
		this.workingTime = workingTime;
		this.audit = audit;
		this.outbox = outbox;
		this.streams = streams;
		this.sampleMillis = sampleEvery.toMillis();
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		this.registry = meters;
		sampled(meters, "sunlight.jobs.due", "Engine jobs due now and not yet executed (timers waiting to fire)",
				Sample::jobsDue);
		sampled(meters, "sunlight.jobs.due.oldest.seconds", "How long the oldest due job has waited",
				Sample::oldestDueSeconds);
		sampled(meters, "sunlight.jobs.failed", "Engine jobs out of retries (incidents)", Sample::jobsFailed);
		if (outbox.getIfAvailable() != null) {
			sampled(meters, "sunlight.outbox.pending", "Notifications written and not yet delivered",
					s -> s.outboxPending() == null ? Double.NaN : s.outboxPending());
			sampled(meters, "sunlight.outbox.failed", "Notifications out of retries, waiting for an administrator",
					s -> s.outboxFailed() == null ? Double.NaN : s.outboxFailed());
		}
		Gauge.builder("sunlight.calendar.year.covered", this, m -> covered(m.sample, true))
			.description("1 when the holiday table covers the current year, 0 when it does not")
			.tag("year", "current")
			.register(meters);
		Gauge.builder("sunlight.calendar.year.covered", this, m -> covered(m.sample, false))
			.description("1 when the holiday table covers the next year, 0 when it does not")
			.tag("year", "next")
			.register(meters);
		sampled(meters, "sunlight.audit.unsealed", "Audit records not yet sealed into the hash chain",
				Sample::auditUnsealed);
		sampled(meters, "sunlight.audit.unsigned", "Sealed audit records beyond the newest signed checkpoint",
				Sample::auditUnsigned);
		Gauge.builder("sunlight.metrics.sample.age.seconds", this, m -> m.sample == null ? Double.NaN
				: Duration.between(m.sample.takenAt(), Instant.now()).toMillis() / 1000.0)
			.description("Age of the sample behind the database figures; grows while the database is away")
			.register(meters);
		for (LiveStream stream : streams) {
			Gauge.builder("sunlight.stream.subscribers", stream, LiveStream::subscribers)
				.description("Live streams open on this node")
				.tag("stream", stream.streamName())
				.register(meters);
		}
	}

	/** Counted once the timer's transaction has committed: a rolled-back raise counts nothing. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void raised(EscalationRaised event) {
		MeterRegistry meters = registry;
		if (meters == null) {
			return;
		}
		Escalation escalation = event.escalation();
		Counter.builder("sunlight.escalations.raised")
			.description("Yellow warnings and red alarms raised by this node's timers")
			.tag("level", escalation.level().name())
			.tag("scope", escalation.scope().name())
			.register(meters)
			.increment();
	}

	/** Takes a sample now; the sampler calls it on its own thread. */
	Sample sample() {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		long due = management.createJobQuery().executable().count();
		List<Job> oldest = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
		double oldestSeconds = oldest.isEmpty() || oldest.get(0).getDuedate() == null ? 0
				: Math.max(0, Duration.between(oldest.get(0).getDuedate().toInstant(), now).toMillis() / 1000.0);
		long failed = management.createJobQuery().noRetriesLeft().count();
		OutboxBacklog backlog = outbox.getIfAvailable();
		Long pending = backlog == null ? null : backlog.pending();
		Long failedDeliveries = backlog == null ? null : backlog.failed();
		WorkCalendar calendar = workingTime.calendar();
		CalendarCoverage coverage = CalendarCoverage.of(calendar.table(), LocalDate.ofInstant(now, calendar.zone()));
		AuditTrail.Progress progress = audit.progress();
		long signed = progress.checkpoint() == null ? 0 : progress.checkpoint().chainPos();
		Sample taken = new Sample(due, oldestSeconds, failed, pending, failedDeliveries,
				coverage.currentYearCovered(), coverage.nextYearCovered(), progress.unsealed(),
				Math.max(0, progress.sealedTo() - signed), Instant.now());
		this.sample = taken;
		return taken;
	}

	private void sampled(MeterRegistry meters, String name, String description, ToDoubleFunction<Sample> value) {
		Gauge.builder(name, this, m -> m.sample == null ? Double.NaN : value.applyAsDouble(m.sample))
			.description(description)
			.register(meters);
	}

	private static double covered(Sample sample, boolean current) {
		if (sample == null) {
			return Double.NaN;
		}
		return (current ? sample.currentYearCovered() : sample.nextYearCovered()) ? 1 : 0;
	}

	/** Sampling starts once start-up is done: the migrations and deployments are not to be raced. */
	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "operations-sampler");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				sample();
			}
			catch (RuntimeException ex) {
				log.warn("Operations metrics could not be sampled: {}", ex.getMessage());
			}
		}, 0, sampleMillis, TimeUnit.MILLISECONDS);
		sampler = executor;
	}

	private volatile boolean running;

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		ScheduledExecutorService executor = sampler;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
