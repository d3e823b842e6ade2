/**
 * Working-day and natural-day time arithmetic (deadlines, warning times, working time minus clock
 * pauses) over the holiday table of holidays and make-up working days that administrators keep.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.sunlight.calendar;
