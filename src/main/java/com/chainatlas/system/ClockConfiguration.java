package com.chainatlas.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for everything that judges "overdue" or stamps a change, so tests can fix the time. */
@Configuration
public class ClockConfiguration {

    /** Offices work in Beijing time: "signed N months ago" and "next step passed" are judged on Shanghai dates. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    public Clock clock() {
        return Clock.system(OFFICE_ZONE);
    }
}
