package org.sunlight.supervision;

/** Published inside the transaction that recorded the request; {@code department} is the power's. */
public record ExtensionRequested(Extension extension, String powerName, String department) {
}
