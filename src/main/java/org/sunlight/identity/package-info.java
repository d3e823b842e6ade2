/**
 * Who is signed in and what their role allows: sign-in for the browser and for API clients, and
 * the demo users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.sunlight.identity;
