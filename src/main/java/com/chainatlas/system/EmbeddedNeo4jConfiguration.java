package com.chainatlas.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real Neo4j in-process when {@code spring.neo4j.uri} (env {@code NEO4J_URI}) is empty, and
 * points Spring Boot's driver at its loopback Bolt port. The application then talks Bolt exactly as it
 * would to a server or cluster; nothing else in the code knows the database is embedded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties props) throws IOException {
        Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
        requireWritable(dir);
        int port = props.boltPort() == 0 ? freeLoopbackPort() : props.boltPort();
        if (props.boltPort() != 0 && !free(port)) {
            throw new StartupFailureAnalyzer.BoltPortInUseException(port, null);
        }
        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = build(dir, port, props);
        } catch (RuntimeException e) {
            if (StartupFailureAnalyzer.bindFailure(e)) { // taken between the check and the start
                throw new StartupFailureAnalyzer.BoltPortInUseException(port, e);
            }
            throw e;
        }
        log.info("Embedded Neo4j started in {} ms at {} (bolt 127.0.0.1:{})",
                (System.nanoTime() - started) / 1_000_000, dir, port);
        return dbms;
    }

    /**
     * Creates the data directory and proves it writable before Neo4j sees it: Neo4j's own failure is a deep stack
     * trace; this becomes one clear message ({@link StartupFailureAnalyzer}).
     */
    static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "权限不足 / permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName();
            throw new StartupFailureAnalyzer.DataDirectoryNotWritableException(dir.toString(), reason, e);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static DatabaseManagementService build(Path dir, int port, EmbeddedNeo4jProperties props) {
        return new DatabaseManagementServiceBuilder(dir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true) // a password per start, see below
                .setConfig(HttpConnector.enabled, false) // its Jersey clashes with Boot's; Bolt only
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(props.pageCache()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
                .build();
    }

    /**
     * The loopback Bolt port needs a password too (another local process must not read the data): a random one
     * set at every start through the in-process API (which needs none), known only to this application's driver.
     */
    @Bean
    EmbeddedBoltCredentials embeddedBoltCredentials(DatabaseManagementService dbms) {
        EmbeddedBoltCredentials credentials = EmbeddedBoltCredentials.generate();
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER " + EmbeddedBoltCredentials.USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                java.util.Map.of("password", credentials.password()));
        return credentials;
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnection(DatabaseManagementService dbms, EmbeddedNeo4jProperties props,
                                                   EmbeddedBoltCredentials credentials) {
        // The dbms parameter orders start-up (and shutdown after the driver closes).
        URI uri = URI.create("neo4j://127.0.0.1:" + boltPort(dbms, props));
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public org.neo4j.driver.AuthToken getAuthToken() {
                return credentials.authToken();
            }
        };
    }

    private static int boltPort(DatabaseManagementService dbms, EmbeddedNeo4jProperties props) {
        var api = (org.neo4j.kernel.internal.GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var register = api.getDependencyResolver()
                .resolveDependency(org.neo4j.configuration.connectors.ConnectorPortRegister.class);
        var address = register.getLocalAddress(org.neo4j.configuration.connectors.ConnectorType.BOLT);
        return address != null ? address.getPort() : props.boltPort();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
