package org.sunlight.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.modeling.internal.SafeXml;

/** Designers check and deploy models (API.md, "Models and the catalog"). */
@RestController
@RequestMapping("/api/models")
class ModelController {

	private final ModelValidator validator;
	private final PowerDeployment deployment;

	ModelController(ModelValidator validator, PowerDeployment deployment) {
		this.validator = validator;
		this.deployment = deployment;
	}

	@PostMapping(path = "/validate", consumes = "*/*")
	ValidationAnswer validate(InputStream body) throws IOException {
		ValidationReport report = validator.validate(boundedBody(body));
		return new ValidationAnswer(report.valid(), report.problems());
	}

	@PostMapping(consumes = "*/*")
	ResponseEntity<DeploymentAnswer> deploy(InputStream body, Principal principal) throws IOException {
		DeploymentResult result = deployment.deploy(boundedBody(body), principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/powers/" + result.powerCode()))
			.body(new DeploymentAnswer(result.powerCode(), result.version(), result.processDefinitionId(),
					result.problems()));
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

	record DeploymentAnswer(String powerCode, int version, String processDefinitionId, List<Problem> problems) {
	}

}
