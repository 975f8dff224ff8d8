package com.chainatlas.ingest;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.chainatlas.chain.ChainWriter;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.innovation.InstitutionWriter;
import com.chainatlas.region.RegionCatalog;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * The import stack on its own embedded Neo4j, without Spring Boot: for the crash tests (which kill a JVM
 * running it) and the benchmark (whose database also allows LOAD CSV from an import directory).
 */
final class IngestHarness implements AutoCloseable {

    final Path dataDir;
    final DatabaseManagementService dbms;
    final Driver driver;
    final Neo4jClient neo4j;
    final ImportService service;
    final ImportStaging staging;
    final GraphWriters writers;
    /** Application events the import published (DataImportedEvent). */
    final java.util.List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    IngestHarness(Path dataDir, ImportSettings settings, Path csvImportDir) throws Exception {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(this.dataDir);
        int port = freePort();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(this.dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(System.getProperty("bench.pagecache", "512m")))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(60));
        if (csvImportDir != null) {
            builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, csvImportDir.toAbsolutePath().normalize())
                    .setConfig(GraphDatabaseSettings.allow_file_urls, true);
        }
        dbms = builder.build();
        // as the application configures it (DriverLoggingConfiguration)
        driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none(),
                org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.slf4j()).build());
        driver.verifyConnectivity();
        neo4j = Neo4jClient.create(driver);
        Object migrations = construct(Class.forName("com.chainatlas.system.CypherMigrations"), Driver.class, driver);
        migrations.getClass().getMethod("apply").invoke(migrations);
        writers = new GraphWriters(construct(ChainWriter.class, Neo4jClient.class, neo4j),
                construct(EnterpriseWriter.class, Neo4jClient.class, neo4j),
                construct(InstitutionWriter.class, Neo4jClient.class, neo4j),
                com.chainatlas.project.LedgerImportWriter.standalone(neo4j, java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"))),
                construct(com.chainatlas.signal.EventWriter.class, Neo4jClient.class, neo4j));
        staging = new ImportStaging(neo4j, this.dataDir.resolve("import-spill").toString());
        service = new ImportService(neo4j, new Neo4jTransactionManager(driver), new RegionCatalog(), writers, staging,
                settings, events::add);
    }

    /** Loads the Region nodes (LOCATED_IN targets), as the application does at first start. */
    void loadRegions() {
        var rows = new RegionCatalog().all().stream().map(r -> {
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("code", r.code());
            m.put("name", r.name());
            m.put("level", r.level().name());
            m.put("parent", r.parentCode());
            return m;
        }).toList();
        neo4j.query("UNWIND $rows AS row MERGE (r:Region {code: row.code}) SET r.name = row.name, r.level = row.level, "
                + "r.parentCode = row.parent").bind(rows).to("rows").run();
    }

    /** Runs an import synchronously and returns the finished job. */
    ImportJob importFile(String format, Path file, boolean dryRun) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), ImportFormats.find(format).orElseThrow(),
                file.getFileName().toString(), file, "-", dryRun);
        service.run(job);
        return job;
    }

    /** Runs an import synchronously, names looked up in {@code chain} (id or name); returns the finished job. */
    ImportJob importFile(String format, Path file, String chain) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), ImportFormats.find(format).orElseThrow(),
                file.getFileName().toString(), file, "-", false);
        job.chain = chain;
        service.run(job);
        return job;
    }

    /** Runs an import synchronously from CSV text (written to a file under the data directory). */
    ImportJob importCsv(String format, String csv, String chain) throws IOException {
        Path file = Files.createTempFile(dataDir.getParent(), format + "-", ".csv");
        Files.writeString(file, csv);
        return importFile(format, file, chain);
    }

    /** Runs an import on a background thread (the caller polls the job). */
    ImportJob startImport(String format, Path file) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), ImportFormats.find(format).orElseThrow(),
                file.getFileName().toString(), file, "-", false);
        Thread t = new Thread(() -> service.run(job), "import");
        t.setDaemon(true);
        t.start();
        return job;
    }

    long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElse(0L);
    }

    long count(String cypher, Map<String, Object> params) {
        return neo4j.query(cypher).bindAll(params).fetchAs(Long.class).one().orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private static <T> T construct(Class<T> type, Class<?> param, Object arg) throws Exception {
        Constructor<?> c = type.getDeclaredConstructor(param);
        c.setAccessible(true);
        return (T) c.newInstance(arg);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        driver.close();
        dbms.shutdown();
    }
}
