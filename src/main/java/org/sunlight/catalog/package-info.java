/**
 * The power catalog: powers and their steps' four clarities as read models over the deployed
 * definitions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.sunlight.catalog;
