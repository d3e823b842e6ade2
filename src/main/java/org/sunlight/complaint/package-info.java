/**
 * Complaints (投诉举报): a citizen files one on the portal about a case, a power or a department;
 * it runs as a supervised case of the system power SYS-COMPLAINT in the discipline office, and
 * the complainant follows it by complaint number and query code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.sunlight.complaint;
