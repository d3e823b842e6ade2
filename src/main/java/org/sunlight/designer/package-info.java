/**
 * The process designer's server side: drafts of powers shared by the designers (saved with
 * optimistic concurrency), deploying a draft, the reengineering comparison of two deployed
 * versions and the organisation the designer's pickers offer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Designer")
package org.sunlight.designer;
