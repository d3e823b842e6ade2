/**
 * Casework: starting cases, handlers' task operations (claim, unclaim, complete) and the case
 * view with its timeline, lamps and remaining working time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package org.sunlight.casework;
