package org.sunlight.notification.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code sunlight.notification.*}; scheduling is on application-wide (audit's sealing). */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {
}
