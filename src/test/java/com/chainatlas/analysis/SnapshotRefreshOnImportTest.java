package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

@ChainAtlasIntegrationTest
class SnapshotRefreshOnImportTest {

    @Autowired
    SnapshotRegistry registry;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anImportReplacesTheTouchedChainsSnapshotWithANewerVersion() throws InterruptedException {
        long before = registry.get("NEV").version();
        events.publishEvent(new DataImportedEvent(Set.of("NEV")));
        long after = registry.get("NEV").version(); // rebuilt in the background or on this call
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void anImportNotTiedToAChainDropsEveryBuiltSnapshot() {
        long nev = registry.get("NEV").version();
        long ic = registry.get("IC").version();
        events.publishEvent(new DataImportedEvent(Set.of()));
        assertThat(registry.get("NEV").version()).isGreaterThan(nev);
        assertThat(registry.get("IC").version()).isGreaterThan(ic);
    }
}
