package org.sunlight.supervision;

/** Published inside the transaction that approved or rejected the extension. */
public record ExtensionDecided(Extension extension, String powerName) {
}
