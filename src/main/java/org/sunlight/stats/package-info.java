/**
 * The supervision console's numbers: projections of step runs and cases kept up to date from task,
 * escalation and case events, and the lamp board, paused cases, statistics, bottleneck heatmap,
 * performance evaluation and exports served from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.sunlight.stats;
