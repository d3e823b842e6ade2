package org.sunlight.modeling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.modeling.internal.PowerVersionStore;

/**
 * Validates, compiles and deploys a power as a new version. Everything happens in one
 * transaction: the Camunda deployment, the version row with the source as drawn and the
 * {@link PowerDeployed} event's synchronous listeners; a refusal leaves no trace.
 */
@Service
public class PowerDeployment {

	/** Suffix of the deployment resource holding the source as drawn (Camunda does not parse it). */
	public static final String SOURCE_SUFFIX = ".source.xml";

	private final ModelValidator validator;
	private final ModelCompiler compiler;
	private final PowerDescriber describer;
	private final PowerVersionStore versions;
	private final RepositoryService repository;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;

	PowerDeployment(ModelValidator validator, ModelCompiler compiler, PowerDescriber describer,
			PowerVersionStore versions, RepositoryService repository, ApplicationEventPublisher events, AuditTrail audit) {
		this.audit = audit;
		this.validator = validator;
		this.compiler = compiler;
		this.describer = describer;
		this.versions = versions;
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

	private DeploymentResult deploy(byte[] sourceXml, String deployedBy, boolean skipUnchanged) {
		ValidationReport report = validator.validate(sourceXml);
		if (!report.valid()) {
			throw new InvalidModelException(report);
		}
		PowerDescription power = describer.describe(sourceXml);
		String sha = sha256(sourceXml);
		Optional<PowerVersion> latest = versions.latest(power.code());
		checkIdentity(power, latest);
		if (skipUnchanged && latest.isPresent() && latest.get().sourceSha256().equals(sha)) {
			PowerVersion current = latest.get();
			return new DeploymentResult(current.powerCode(), current.version(), current.processDefinitionId(),
					report.warnings(), true);
		}
		byte[] compiled = compiler.compile(sourceXml);
		Deployment deployment = repository.createDeployment()
			.name(power.code())
			.source("sunlight")
			.addString(power.processId() + ".bpmn", new String(compiled, StandardCharsets.UTF_8))
			.addString(power.processId() + SOURCE_SUFFIX, new String(sourceXml, StandardCharsets.UTF_8))
			.deploy();
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.processDefinitionKey(power.processId())
			.singleResult();
		int version = latest.map(v -> v.version() + 1).orElse(1);
		OffsetDateTime now = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
		PowerVersion row = new PowerVersion(power.code(), version, power.processId(), definition.getId(),
				deployment.getId(), sha, now,
				deployedBy);
		versions.insert(row, new String(sourceXml, StandardCharsets.UTF_8));
		audit.record(AuditAction.POWER_DEPLOYED, deployedBy, "power", power.code(), Map.of("version", version,
				"processDefinitionId", definition.getId(), "sourceSha256", sha, "warnings", report.warnings().size()));
		events.publishEvent(new PowerDeployed(power.code(), version, definition.getId(), power, now, deployedBy));
		return new DeploymentResult(power.code(), version, definition.getId(), report.warnings(), false);
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
