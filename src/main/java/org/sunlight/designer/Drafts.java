package org.sunlight.designer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.designer.internal.DraftStore;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.PowerDescriber;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerReviews;
import org.sunlight.system.NotFoundException;

/**
 * Drafts shared by the designers. A draft must be a safe, well-formed BPMN model (what is not is
 * refused before anything is stored), but it may break every rule of the extension: it is work in
 * progress. Saves and deletes name the revision they start from; a stale one is refused with
 * {@link DraftConflictException}, so two tabs never silently overwrite each other.
 */
@Service
public class Drafts {

	private final DraftStore store;
	private final PowerDescriber describer;
	private final PowerReviews reviews;

	Drafts(DraftStore store, PowerDescriber describer, PowerReviews reviews) {
		this.store = store;
		this.describer = describer;
		this.reviews = reviews;
	}

	public List<Draft> list() {
		return store.summaries();
	}

	public Draft get(String id) {
		return store.find(id).orElseThrow(() -> unknown(id));
	}

	@Transactional
	public Draft create(String xml, String by) {
		Identity identity = identify(xml);
		OffsetDateTime now = now();
		Draft draft = new Draft(UUID.randomUUID().toString(), identity.code(), identity.name(), 1, xml, by, now, by, now);
		store.insert(draft);
		return draft;
	}

	@Transactional
	public Draft save(String id, int revision, String xml, String by) {
		Identity identity = identify(xml);
		if (!store.update(id, revision, identity.code(), identity.name(), xml, by, now())) {
			throw conflictOrUnknown(id, revision);
		}
		return get(id);
	}

	@Transactional
	public void delete(String id, int revision) {
		if (!store.delete(id, revision)) {
			throw conflictOrUnknown(id, revision);
		}
	}

	/**
	 * Submits the draft as saved at {@code revision} like any model ({@link PowerReviews}: who may
	 * change the power, then review) and, once submitted, removes it: the submission holds the
	 * drawing from then on (a version sent back opens as a new draft).
	 * An invalid or refused draft stays as it is and the refusal says why.
	 */
	@Transactional
	public PowerReviews.Submitted deploy(String id, int revision, String by) {
		Draft draft = get(id);
		if (draft.revision() != revision) {
			throw new DraftConflictException(draft, revision);
		}
		PowerReviews.Submitted result = reviews.submit(draft.xml().getBytes(StandardCharsets.UTF_8), by);
		if (!store.delete(id, revision)) {
			throw conflictOrUnknown(id, revision);
		}
		return result;
	}

	private RuntimeException conflictOrUnknown(String id, int revision) {
		return store.find(id).<RuntimeException>map(current -> new DraftConflictException(current, revision))
			.orElseGet(() -> unknown(id));
	}

	/** Refuses what is not a safe BPMN model (400/413) and reads the power's code and name. */
	private Identity identify(String xml) {
		if (xml == null || xml.isBlank()) {
			throw new ModelRejectedException(ModelRejectedException.Reason.MALFORMED, "the draft has no BPMN XML");
		}
		try {
			PowerDescription power = describer.describe(xml.getBytes(StandardCharsets.UTF_8));
			return new Identity(power.code(), power.name());
		}
		catch (IllegalArgumentException noExecutableProcess) {
			return new Identity(null, null);
		}
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

	private static NotFoundException unknown(String id) {
		return new NotFoundException("no draft with id " + id);
	}

	private record Identity(String code, String name) {
	}

}
