package org.sunlight.designer;

import org.sunlight.system.ConflictException;

/** A save or deploy that started from an older revision of a draft than the stored one: 409. */
public class DraftConflictException extends ConflictException {

	private final transient Draft current;

	DraftConflictException(Draft current, int revision) {
		super("the draft was saved by " + current.updatedBy() + " at " + current.updatedAt() + " as revision "
				+ current.revision() + " after your revision " + revision
				+ "; nothing was saved: reopen the draft to see the other changes");
		this.current = current;
	}

	public Draft current() {
		return current;
	}

}
