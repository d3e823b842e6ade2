/**
 * What operators watch: metrics in Prometheus' format (escalations raised, how late they become
 * visible, job and outbox backlogs, stream listeners, calendar coverage, audit sealing), a database
 * health that answers within a second during an outage, and readiness that waits for start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.sunlight.operations;
