package org.sunlight.calendar;

/** An exception to the plain Monday-to-Friday week. */
public enum DayKind {

	/** A statutory holiday (法定节假日), on any day of the week. */
	HOLIDAY,

	/** A make-up working day (调休上班) on a Saturday or Sunday. */
	WORKDAY

}
