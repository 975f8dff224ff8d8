package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CypherMigrationsTest {

    @Test
    void splitsStatementsAndDropsComments() {
        List<String> parts = CypherMigrations.split("""
                // a comment; with a semicolon
                CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;
                CREATE INDEX b IF NOT EXISTS
                  FOR (n:B) ON (n.x);
                """);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).startsWith("CREATE INDEX b").doesNotEndWith(";");
    }

    @Test
    void discoversVersionedFilesInOrder() {
        List<CypherMigrations.Migration> found = CypherMigrations.discover();
        assertThat(found).extracting(CypherMigrations.Migration::version).isSorted().doesNotHaveDuplicates();
        assertThat(found.get(0).name()).isEqualTo("constraints");
    }
}
