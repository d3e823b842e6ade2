package org.sunlight.identity.internal;

import org.springframework.stereotype.Component;
import org.sunlight.identity.Organisation;
import org.sunlight.modeling.DesignScope;

/** Answers Modeling's question of who may draw which department's powers from the organisation. */
@Component
class OrgDesignScope implements DesignScope {

	private final Organisation organisation;

	OrgDesignScope(Organisation organisation) {
		this.organisation = organisation;
	}

	@Override
	public boolean mayDraw(String username, String department) {
		return organisation.drawingScope(username).covers(department);
	}

}
