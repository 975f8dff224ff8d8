package com.chainatlas.project;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.springframework.context.annotation.Import;

/**
 * The whole app with demo data and a settable clock ({@link TestClock}); every ledger test class carries exactly this,
 * so they share one context. Tests isolate their data by a 责任人 or region of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ChainAtlasIntegrationTest
@Import(TestClock.Config.class)
public @interface LedgerIntegrationTest {
}
