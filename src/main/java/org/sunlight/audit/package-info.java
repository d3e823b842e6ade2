/**
 * The append-only, hash-chained record of every significant act (全程留痕): who did what to
 * which case, task, power, escalation or organisation entry, and when; with a check that
 * recomputes the chain and names the first record that was changed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.sunlight.audit;
