package com.chainatlas.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduler (Boot's {@code taskScheduler}, {@code spring.task.scheduling.*}) for the periodic
 * work that keeps instances in step through the database: the data-version poll and the import queue's tick.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
