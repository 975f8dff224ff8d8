package com.chainatlas.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned schema files {@code cypher/migrations/V<n>__<name>.cypher} in order, once each.
 *
 * <p>Each applied file is recorded as a {@code (:__Migration {version, name, checksum})} node; a file
 * whose applied content changed is refused, so history cannot drift silently. Statements inside a file
 * are separated by semicolons at line ends. Re-running is a no-op.
 *
 * <p>Why not neo4j-migrations: its artifacts on Maven Central reference a parent POM that Central does
 * not serve (checked for 2.18.x–2.19.2), so it cannot be resolved here; this runner keeps the same file
 * convention so a later switch is a dependency change, not a rewrite.
 */
@Component
@Order(0)
public class CypherMigrations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CypherMigrations.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    private final Driver driver;

    /** Public for tools that open a database outside the application (the benchmarks on a bulk-loaded one). */
    public CypherMigrations(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void run(ApplicationArguments args) {
        apply();
    }

    /** Applies pending migrations; returns how many were applied now. */
    public int apply() {
        List<Migration> migrations = discover();
        int applied = 0;
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run(
                    "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE")
                    .consume());
            for (Migration m : migrations) {
                var existing = session.executeRead(tx -> tx.run(
                        "MATCH (m:__Migration {version: $v}) RETURN m.checksum AS checksum",
                        Map.of("v", m.version())).list());
                if (!existing.isEmpty()) {
                    String recorded = existing.get(0).get("checksum").asString();
                    if (!recorded.equals(m.checksum())) {
                        throw new IllegalStateException("Migration V" + m.version() + " (" + m.name()
                                + ") was changed after it was applied; add a new migration instead");
                    }
                    continue;
                }
                for (String statement : m.statements()) {
                    // Schema statements cannot share a transaction with data writes: one each.
                    session.executeWrite(tx -> tx.run(statement).consume());
                }
                session.executeWrite(tx -> tx.run(
                        "CREATE (:__Migration {version: $v, name: $n, checksum: $c, appliedAt: datetime()})",
                        Map.of("v", m.version(), "n", m.name(), "c", m.checksum())).consume());
                log.info("Applied migration V{}__{}", m.version(), m.name());
                applied++;
            }
        }
        return applied;
    }

    static List<Migration> discover() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:cypher/migrations/V*.cypher");
            List<Migration> result = new ArrayList<>();
            for (Resource file : files) {
                Matcher m = FILE.matcher(file.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException("Bad migration file name: " + file.getFilename());
                }
                String text = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                result.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), split(text), sha256(text)));
            }
            result.sort(Comparator.comparingInt(Migration::version));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String text) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("//")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";\\s*\\n"))
                .map(String::strip).map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Migration(int version, String name, List<String> statements, String checksum) {
    }
}
