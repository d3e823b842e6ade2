/**
 * The public side (阳光公开): the catalog of public powers with their flowcharts and four clarities,
 * an applicant's case progress by case number and query code, and the departments' monthly
 * statistics (the console's figures), without sign-in and without personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.sunlight.portal;
