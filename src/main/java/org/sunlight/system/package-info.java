/**
 * Cross-cutting web plumbing: problem responses for errors and serving the browser app.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sunlight.system;
