package com.chainatlas.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword  password of the first admin, used only when no account exists (env CHAINATLAS_ADMIN_PASSWORD);
 *                       empty: one is generated and logged once
 * @param bcryptStrength bcrypt cost (log2 rounds); the test profile lowers it so per-request HTTP Basic stays cheap
 */
@ConfigurationProperties("chainatlas.security")
record SecuritySettings(String adminPassword, @DefaultValue("10") int bcryptStrength) {
}
