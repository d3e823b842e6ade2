package org.sunlight.modeling;

import java.time.OffsetDateTime;

/** A new version of a power has been deployed (published inside the deployment's transaction). */
public record PowerDeployed(String powerCode, int version, String processDefinitionId,
		PowerDescription description, OffsetDateTime deployedAt, String deployedBy) {
}
