package org.sunlight.modeling;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.modeling.internal.PowerVersionStore;
import org.sunlight.modeling.internal.SubmissionStore;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;

/**
 * How a person's drawing of a power goes live (法制审核). A submission is validated and compiled
 * at once (422 for an invalid model) and checked against who may change the power (403); then,
 * with review required ({@code sunlight.review.required}, the default), it waits as
 * {@link ReviewStatus#IN_REVIEW} with nothing in the engine until a reviewer who did not draw it
 * approves it. Without review it goes live at once, approved by nobody.
 */
@Service
public class PowerReviews {

	static final int MAX_NOTE = 1000;

	private final PowerDeployment deployment;
	private final PowerPermissions permissions;
	private final PowerVersionStore versions;
	private final SubmissionStore submissions;
	private final AuditTrail audit;
	private final boolean required;
	private final ApplicationEventPublisher events;

	PowerReviews(PowerDeployment deployment, PowerPermissions permissions, PowerVersionStore versions,
			SubmissionStore submissions, AuditTrail audit,
			@Value("${sunlight.review.required:true}") boolean required, ApplicationEventPublisher events) {
		this.events = events;
		this.deployment = deployment;
		this.permissions = permissions;
		this.versions = versions;
		this.submissions = submissions;
		this.audit = audit;
		this.required = required;
	}

	/**
	 * What a submission became: waiting in review ({@code processDefinitionId} null), or live at
	 * once when review is off.
	 */
	public record Submitted(String powerCode, int version, ReviewStatus status, String processDefinitionId,
			List<Problem> problems) {

		public boolean live() {
			return processDefinitionId != null;
		}

	}

	public boolean required() {
		return required;
	}

	@Transactional
	public Submitted submit(byte[] sourceXml, String author) {
		PowerDeployment.Prepared prepared = deployment.prepare(sourceXml);
		PowerDescription power = prepared.power();
		permissions.checkMayChange(author, power);
		int version = versions.nextVersion(power.code());
		if (!required) {
			DeploymentResult live = deployment.goLive(prepared, version, author, null);
			return new Submitted(live.powerCode(), live.version(), ReviewStatus.APPROVED, live.processDefinitionId(),
					live.problems());
		}
		submissions.insert(new PowerSubmission(power.code(), version, power.processId(), power.name(),
				power.department(), prepared.warnings().size(), ReviewStatus.IN_REVIEW, author, PowerDeployment.now(),
				null, null, null), prepared.sha(), new String(sourceXml, StandardCharsets.UTF_8));
		audit.record(AuditAction.POWER_SUBMITTED, author, "power", power.code(), Map.of("version", version,
				"sourceSha256", prepared.sha(), "warnings", prepared.warnings().size()));
		events.publishEvent(new ReviewRequested(find(power.code(), version)));
		return new Submitted(power.code(), version, ReviewStatus.IN_REVIEW, null, prepared.warnings());
	}

	/**
	 * Lets a version in review go live. The source is validated and compiled again, so the rules
	 * in force at approval apply to what runs; what runs is exactly the source the reviewer saw.
	 */
	@Transactional
	public PowerVersion approve(String powerCode, int version, String reviewer, String note) {
		PowerSubmission submission = decidable(powerCode, version, reviewer);
		String checkedNote = optionalText("note", note);
		byte[] source = submissions.source(powerCode, version).orElseThrow().getBytes(StandardCharsets.UTF_8);
		PowerDeployment.Prepared prepared = deployment.prepare(source);
		if (!submissions.decide(powerCode, version, ReviewStatus.APPROVED, reviewer, PowerDeployment.now(),
				checkedNote)) {
			throw notInReview(powerCode, version);
		}
		audit.record(AuditAction.POWER_APPROVED, reviewer, "power", powerCode,
				details(version, submission.submittedBy(), "note", checkedNote));
		DeploymentResult live = deployment.goLive(prepared, version, submission.submittedBy(), reviewer);
		events.publishEvent(new ReviewDecided(find(powerCode, version)));
		return versions.find(live.powerCode(), live.version()).orElseThrow();
	}

	/** Sends a version back to its designer; the live version stays as it was. */
	@Transactional
	public PowerSubmission reject(String powerCode, int version, String reviewer, String reason) {
		PowerSubmission submission = decidable(powerCode, version, reviewer);
		String checkedReason = optionalText("reason", reason);
		if (checkedReason == null) {
			throw new IllegalArgumentException("reason is required: tell the designer why version " + version + " of "
					+ powerCode + " is sent back");
		}
		if (!submissions.decide(powerCode, version, ReviewStatus.REJECTED, reviewer, PowerDeployment.now(),
				checkedReason)) {
			throw notInReview(powerCode, version);
		}
		audit.record(AuditAction.POWER_REJECTED, reviewer, "power", powerCode,
				details(version, submission.submittedBy(), "reason", checkedReason));
		PowerSubmission decided = find(powerCode, version);
		events.publishEvent(new ReviewDecided(decided));
		return decided;
	}

	public List<PowerSubmission> list(ReviewStatus status, String submittedBy) {
		return submissions.list(status, submittedBy);
	}

	public PowerSubmission find(String powerCode, int version) {
		return submissions.find(powerCode, version)
			.orElseThrow(() -> new NotFoundException("power " + powerCode + " has no submitted version " + version));
	}

	public String source(String powerCode, int version) {
		return submissions.source(powerCode, version)
			.orElseThrow(() -> new NotFoundException("power " + powerCode + " has no submitted version " + version));
	}

	/** Nobody decides on a version they drew, even holding both roles: review needs a second person. */
	private PowerSubmission decidable(String powerCode, int version, String reviewer) {
		PowerSubmission submission = find(powerCode, version);
		if (submission.submittedBy().equals(reviewer)) {
			throw new PowerForbiddenException("review.ownVersion", reviewer + " drew version " + version + " of "
					+ powerCode + " and cannot review it: a second person must", powerCode, version, reviewer);
		}
		if (submission.status() != ReviewStatus.IN_REVIEW) {
			throw new ConflictException("version " + version + " of " + powerCode + " is "
					+ submission.status().name() + ", not in review");
		}
		return submission;
	}

	private static ConflictException notInReview(String powerCode, int version) {
		return new ConflictException("version " + version + " of " + powerCode
				+ " was decided by someone else meanwhile; reload the review list");
	}

	private static Map<String, Object> details(int version, String author, String key, String text) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version);
		details.put("drawnBy", author);
		if (text != null) {
			details.put(key, text);
		}
		return details;
	}

	private static String optionalText(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_NOTE) {
			throw new IllegalArgumentException(field + " is longer than " + MAX_NOTE + " characters");
		}
		return text.trim();
	}

}
