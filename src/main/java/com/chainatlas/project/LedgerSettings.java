package com.chainatlas.project;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ledger settings ({@code chainatlas.ledger.*}): the periods offices judge leads and projects by.
 *
 * @param leadStaleDays           a lead with no contact for this many days stands out (久未跟进)
 * @param startWithinMonths       N of 签约项目开工率: a signed project counts as started when it started within N months
 * @param productionWithinMonths  M of the alert "开工后 M 个月未投产"
 * @param capacityWithinMonths    the alert "投产后 K 个月未达产"
 * @param updateStaleDays         a ledger entry not updated for longer than this is overdue (offices update monthly)
 */
@ConfigurationProperties("chainatlas.ledger")
public record LedgerSettings(
        @DefaultValue("30") int leadStaleDays,
        @DefaultValue("6") int startWithinMonths,
        @DefaultValue("24") int productionWithinMonths,
        @DefaultValue("24") int capacityWithinMonths,
        @DefaultValue("31") int updateStaleDays) {
}
