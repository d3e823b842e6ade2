/**
 * Reaching people where they are: every event that should reach a person writes its messages to
 * an outbox in its own transaction, and a worker delivers them after commit in-app, by mail and
 * to IM group robots, by each person's preferences and quiet hours.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.sunlight.notification;
