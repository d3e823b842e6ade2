package org.sunlight.modeling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.modeling.internal.PowerVersionStore;
import org.sunlight.modeling.internal.SubmissionStore;
import org.sunlight.modeling.internal.validation.EngineCheck;

/**
 * Validates, compiles and deploys a power as a new version. Everything happens in one
 * transaction: the Camunda deployment, the version row with the source as drawn and the
 * {@link PowerDeployed} event's synchronous listeners; a refusal leaves no trace.
 * <p>
 * The public methods are Sunlight's own deployments (the start-up deployers of system powers and
 * of the processes folder), approved by {@value #SYSTEM}. What people draw goes through
 * {@link PowerReviews}, which checks who may change the power and waits for a reviewer.
 */
@Service
public class PowerDeployment {

	/** Suffix of the deployment resource holding the source as drawn (Camunda does not parse it). */
	public static final String SOURCE_SUFFIX = ".source.xml";

	/** Sunlight itself, as the author and approver of what it deploys at start-up. */
	public static final String SYSTEM = "system";

	private final ModelValidator validator;
	private final EngineCheck engineCheck;
	private final ModelCompiler compiler;
	private final PowerDescriber describer;
	private final PowerVersionStore versions;
	private final SubmissionStore submissions;
	private final RepositoryService repository;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;

	PowerDeployment(ModelValidator validator, EngineCheck engineCheck, ModelCompiler compiler, PowerDescriber describer,
			PowerVersionStore versions, SubmissionStore submissions, RepositoryService repository,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.audit = audit;
		this.validator = validator;
		this.engineCheck = engineCheck;
		this.compiler = compiler;
		this.describer = describer;
		this.versions = versions;
		this.submissions = submissions;
		this.repository = repository;
		this.events = events;
	}

	/** Deploys the model as the next version of its power, whatever the previous one was. */
	@Transactional
	public DeploymentResult deploy(byte[] sourceXml, String deployedBy) {
		return deploy(sourceXml, deployedBy, false);
	}

	/** Deploys the model unless its source is byte-identical to its power's latest version. */
	@Transactional
	public DeploymentResult deployIfChanged(byte[] sourceXml, String deployedBy) {
		return deploy(sourceXml, deployedBy, true);
	}

	/**
	 * Deploys one of Sunlight's own processes ({@link SystemPowers}) bundled on the classpath at
	 * {@code resource}, as the system and only when it changed: the start-up of the supervision
	 * order and the complaint.
	 */
	@Transactional
	public DeploymentResult deploySystemProcess(String resource) {
		try (java.io.InputStream in = PowerDeployment.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no bundled process at " + resource);
			}
			return deploy(in.readAllBytes(), SYSTEM, true);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private DeploymentResult deploy(byte[] sourceXml, String deployedBy, boolean skipUnchanged) {
		if (skipUnchanged) {
			// Every start-up lands here for each bundled process: an unchanged one is validated (the
			// rules may have grown since) but neither compiled nor parsed by the engine again.
			ValidationReport report = validator.validate(sourceXml);
			if (report.valid()) {
				Optional<PowerVersion> latest = versions.latest(describer.describe(sourceXml).code());
				if (latest.isPresent() && latest.get().sourceSha256().equals(sha256(sourceXml))) {
					PowerVersion current = latest.get();
					return new DeploymentResult(current.powerCode(), current.version(), current.processDefinitionId(),
							report.warnings(), true);
				}
			}
		}
		Prepared prepared = prepare(sourceXml);
		return goLive(prepared, versions.nextVersion(prepared.power().code()), deployedBy, SYSTEM);
	}

	/** A model that passed validation and compilation, not yet stored anywhere. */
	record Prepared(PowerDescription power, byte[] source, String sha, byte[] compiled, List<Problem> warnings) {
	}

	/**
	 * Validates (422 with the problems), describes and compiles the model and checks that it keeps
	 * its power's process id. Stores nothing.
	 */
	Prepared prepare(byte[] sourceXml) {
		Checked checked = checked(sourceXml);
		if (!checked.report().valid()) {
			throw new InvalidModelException(checked.report());
		}
		PowerDescription power = describer.describe(sourceXml);
		checkIdentity(power, versions.latest(power.code()));
		return new Prepared(power, sourceXml, sha256(sourceXml), checked.compiled(), checked.report().warnings());
	}

	/**
	 * The validator's report on the model and, when it finds no error, the engine's own refusals of
	 * the compiled model: what the designer's check says is what deploying will say.
	 */
	public ValidationReport check(byte[] sourceXml) {
		return checked(sourceXml).report();
	}

	private record Checked(ValidationReport report, byte[] compiled) {
	}

	private Checked checked(byte[] sourceXml) {
		ValidationReport report = validator.validate(sourceXml);
		if (!report.valid()) {
			return new Checked(report, null);
		}
		byte[] compiled = compiler.compile(sourceXml);
		List<Problem> refused = engineCheck.refusals(compiled, "model.bpmn", LocaleContextHolder.getLocale());
		if (refused.isEmpty()) {
			return new Checked(report, compiled);
		}
		List<Problem> all = new ArrayList<>(report.problems());
		all.addAll(refused);
		return new Checked(new ValidationReport(all), compiled);
	}

	/**
	 * Puts a prepared model into the engine as {@code version} of its power, drawn by
	 * {@code drawnBy} and approved by {@code approvedBy} (null: published without review). Older
	 * versions still in review can never go live after it and become superseded.
	 */
	DeploymentResult goLive(Prepared prepared, int version, String drawnBy, String approvedBy) {
		PowerDescription power = prepared.power();
		Deployment deployment = repository.createDeployment()
			.name(power.code())
			.source("sunlight")
			.addString(power.processId() + ".bpmn", new String(prepared.compiled(), StandardCharsets.UTF_8))
			.addString(power.processId() + SOURCE_SUFFIX, new String(prepared.source(), StandardCharsets.UTF_8))
			.deploy();
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.processDefinitionKey(power.processId())
			.singleResult();
		OffsetDateTime now = now();
		PowerVersion row = new PowerVersion(power.code(), version, power.processId(), definition.getId(),
				deployment.getId(), prepared.sha(), now, drawnBy, approvedBy);
		versions.insert(row, new String(prepared.source(), StandardCharsets.UTF_8));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version);
		details.put("processDefinitionId", definition.getId());
		details.put("sourceSha256", prepared.sha());
		details.put("warnings", prepared.warnings().size());
		details.put("approvedBy", String.valueOf(approvedBy));
		List<Integer> superseded = submissions.supersede(power.code(), version, now);
		if (!superseded.isEmpty()) {
			details.put("superseded", superseded.toString());
		}
		audit.record(AuditAction.POWER_DEPLOYED, drawnBy, "power", power.code(), details);
		events.publishEvent(new PowerDeployed(power.code(), version, definition.getId(), power, now, drawnBy));
		return new DeploymentResult(power.code(), version, definition.getId(), prepared.warnings(), false);
	}

	static OffsetDateTime now() {
		return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

	/** A power code and a process id belong together for life: versions must not jump between them. */
	private void checkIdentity(PowerDescription power, Optional<PowerVersion> latest) {
		if (latest.isPresent() && !latest.get().processKey().equals(power.processId())) {
			throw new InvalidModelException(new ValidationReport(List.of(Problem.error(power.processId(),
					"POWER_PROCESS_ID_CHANGED", "power " + power.code() + " is deployed with process id "
							+ latest.get().processKey() + "; a new version must keep that id"))));
		}
		versions.codeOfProcessKey(power.processId())
			.filter(code -> !code.equals(power.code()))
			.ifPresent(code -> {
				throw new InvalidModelException(new ValidationReport(List.of(Problem.error(power.processId(),
						"PROCESS_ID_TAKEN", "process id " + power.processId() + " already belongs to power " + code))));
			});
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
