package org.sunlight.modeling;

/**
 * Which departments' powers a person may draw. The organisation answers (it keeps who draws for
 * which department); Modeling only asks, so it does not depend on the organisation.
 */
public interface DesignScope {

	boolean mayDraw(String username, String department);

}
