/**
 * The integrity-risk register (廉政风险点登记): every risk point of every power's models, kept with
 * its history across versions, with the registers units keep (by post, by department, the whole
 * unit) and their XLSX and PDF exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk register")
package org.sunlight.risk;
