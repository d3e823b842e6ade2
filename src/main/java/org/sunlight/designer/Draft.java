package org.sunlight.designer;

import java.time.OffsetDateTime;

/**
 * A power as a designer is drawing it. {@code powerCode} and {@code name} are read from the XML at
 * each save ({@code null} while the drawing does not say them); {@code revision} starts at 1 and
 * grows with every save.
 */
public record Draft(String id, String powerCode, String name, int revision, String xml, String createdBy,
		OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {
}
