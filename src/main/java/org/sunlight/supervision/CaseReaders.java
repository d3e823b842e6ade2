package org.sunlight.supervision;

import org.springframework.security.core.Authentication;

/**
 * Who may read a case. Casework owns the rule (handlers who work or worked on it, supervisors and
 * leaders of its department); supervision applies the same rule to what it shows of a case.
 */
public interface CaseReaders {

	/** Refuses (403) a caller who may not read the case; an unknown case is left to the caller's 404. */
	void requireReadable(String caseId, Authentication caller);

}
