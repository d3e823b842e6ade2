package org.sunlight.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.modeling.internal.SafeXml;

/** Designers check and deploy models (API.md, "Models and the catalog"). */
@RestController
@RequestMapping("/api/models")
class ModelController {

	private final PowerDeployment deployment;
	private final PowerReviews reviews;

	ModelController(PowerDeployment deployment, PowerReviews reviews) {
		this.deployment = deployment;
		this.reviews = reviews;
	}

	@PostMapping(path = "/validate", consumes = "*/*")
	ValidationAnswer validate(InputStream body) throws IOException {
		ValidationReport report = deployment.check(boundedBody(body));
		return new ValidationAnswer(report.valid(), report.problems());
	}

	/** 202 while the version waits for review; 201 when it went live at once (review switched off). */
	@PostMapping(consumes = "*/*")
	ResponseEntity<SubmissionAnswer> deploy(InputStream body, Principal principal) throws IOException {
		return SubmissionAnswer.of(reviews.submit(boundedBody(body), principal.getName()));
	}

	/** Reads at most one byte past the limit, so an oversized upload is refused without buffering it. */
	private static byte[] boundedBody(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(SafeXml.MAX_BYTES + 1);
		if (bytes.length > SafeXml.MAX_BYTES) {
			throw new ModelRejectedException(ModelRejectedException.Reason.TOO_LARGE,
					"the model is larger than the limit of " + SafeXml.MAX_BYTES + " bytes (2 MB)");
		}
		return bytes;
	}

	record ValidationAnswer(boolean valid, List<Problem> problems) {
	}

}
