/**
 * Deadlines of steps and cases and the escalations their timers raise; the beans the compiled
 * timers call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.sunlight.supervision;
