/**
 * The home page of every signed-in person: what needs them now, one section per role they hold,
 * composed from the workspace, the supervision, the designer's and the installation's state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package org.sunlight.home;
