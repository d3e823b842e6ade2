package org.sunlight.modeling;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to submitting a power, from the model upload or from a draft (API.md): 202 with
 * {@code status: IN_REVIEW} while it waits for review, 201 with its process definition when it
 * went live at once (review switched off).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionAnswer(String powerCode, int version, ReviewStatus status, String processDefinitionId,
		List<Problem> problems) {

	public static ResponseEntity<SubmissionAnswer> of(PowerReviews.Submitted submitted) {
		if (submitted.live()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.location(URI.create("/api/powers/" + submitted.powerCode()))
				.body(new SubmissionAnswer(submitted.powerCode(), submitted.version(), null,
						submitted.processDefinitionId(), submitted.problems()));
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/reviews/" + submitted.powerCode() + "/" + submitted.version()))
			.body(new SubmissionAnswer(submitted.powerCode(), submitted.version(), submitted.status(), null,
					submitted.problems()));
	}

}
