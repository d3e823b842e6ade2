package org.sunlight.modeling;

import java.time.OffsetDateTime;

/**
 * One live version of a power. {@code deployedBy} is who drew it; {@code approvedBy} the reviewer
 * who let it go live, {@code system} for what Sunlight deploys itself, {@code null} when it was
 * published without review.
 */
public record PowerVersion(String powerCode, int version, String processKey, String processDefinitionId,
		String deploymentId, String sourceSha256, OffsetDateTime deployedAt, String deployedBy, String approvedBy) {
}
