package org.sunlight.modeling;

import java.time.OffsetDateTime;

/** One deployed version of a power. */
public record PowerVersion(String powerCode, int version, String processKey, String processDefinitionId,
		String deploymentId, String sourceSha256, OffsetDateTime deployedAt, String deployedBy) {
}
