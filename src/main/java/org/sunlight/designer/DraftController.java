package org.sunlight.designer;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.SubmissionAnswer;

/** Designers' drafts (docs/designer.md): list, open, create or import, save, delete and deploy. */
@RestController
@RequestMapping("/api/designer/drafts")
class DraftController {

	// The same limit as for uploads to /api/models (BPMN-EXTENSION.md).
	private static final int MAX_CHARS = 2 * 1024 * 1024;

	private final Drafts drafts;

	DraftController(Drafts drafts) {
		this.drafts = drafts;
	}

	@GetMapping
	List<DraftSummary> list() {
		return drafts.list().stream().map(DraftSummary::of).toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<Draft> get(@PathVariable String id) {
		Draft draft = drafts.get(id);
		return ResponseEntity.ok().eTag(Integer.toString(draft.revision())).body(draft);
	}

	@PostMapping
	ResponseEntity<Draft> create(@RequestBody DraftBody body, Principal principal) {
		Draft draft = drafts.create(bounded(body.xml()), principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/designer/drafts/" + draft.id()))
			.eTag(Integer.toString(draft.revision()))
			.body(draft);
	}

	/** The revision comes in the body or, for HTTP clients, as {@code If-Match: "N"}. */
	@PutMapping("/{id}")
	ResponseEntity<Draft> save(@PathVariable String id, @RequestBody DraftBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Principal principal) {
		Integer revision = body.revision() != null ? body.revision() : fromETag(ifMatch);
		Draft draft = drafts.save(id, revision(revision), bounded(body.xml()), principal.getName());
		return ResponseEntity.ok().eTag(Integer.toString(draft.revision())).body(draft);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestParam int revision) {
		drafts.delete(id, revision);
		return ResponseEntity.noContent().build();
	}

	/** As {@code POST /api/models}: 202 while in review, 201 when live at once. */
	@PostMapping("/{id}/deploy")
	ResponseEntity<SubmissionAnswer> deploy(@PathVariable String id, @RequestBody DeployBody body, Principal principal) {
		return SubmissionAnswer.of(drafts.deploy(id, revision(body.revision()), principal.getName()));
	}

	private static int revision(Integer revision) {
		if (revision == null || revision < 1) {
			throw new IllegalArgumentException("revision is required: the revision of the draft the change starts from");
		}
		return revision;
	}

	private static Integer fromETag(String ifMatch) {
		if (ifMatch == null) {
			return null;
		}
		String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		if (!tag.matches("\\d{1,9}")) {
			throw new IllegalArgumentException("If-Match must be the draft's ETag, a revision such as \"3\"");
		}
		return Integer.valueOf(tag);
	}

	private static String bounded(String xml) {
		if (xml != null && xml.length() > MAX_CHARS) {
			throw new ModelRejectedException(ModelRejectedException.Reason.TOO_LARGE,
					"the model is larger than the limit of " + MAX_CHARS + " bytes (2 MB)");
		}
		return xml;
	}

	record DraftBody(Integer revision, String xml) {
	}

	record DeployBody(Integer revision) {
	}

	record DraftSummary(String id, String powerCode, String name, int revision, String createdBy,
			OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

		static DraftSummary of(Draft d) {
			return new DraftSummary(d.id(), d.powerCode(), d.name(), d.revision(), d.createdBy(), d.createdAt(),
					d.updatedBy(), d.updatedAt());
		}

	}

}
