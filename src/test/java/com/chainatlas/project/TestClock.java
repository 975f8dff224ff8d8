package com.chainatlas.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import com.chainatlas.system.ClockConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests can set: "today" in the office zone is whatever the test says. */
public final class TestClock extends Clock {

    /** The day tests start from unless they set another. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private final AtomicReference<Instant> now = new AtomicReference<>(at(TODAY));

    public void set(LocalDate officeDate) {
        now.set(at(officeDate));
    }

    /** Moves the clock on (e.g. past a sign-in lockout). */
    public void advance(java.time.Duration by) {
        now.updateAndGet(i -> i.plus(by));
    }

    private static Instant at(LocalDate d) {
        return d.atTime(10, 0).atZone(ClockConfiguration.OFFICE_ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ClockConfiguration.OFFICE_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
