package com.chainatlas.system;

import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many requests Tomcat serves at once ({@code CHAINATLAS_HTTP_THREADS}, property {@code chainatlas.http.threads});
 * the rest wait in the accept queue. Unset (0), it follows the machine:
 * <ul>
 *   <li><b>embedded Neo4j</b> (the default): {@value #PER_CORE} per core, at least {@value #MIN}. The database runs on
 *       the app's own cores, so a request is CPU work here from start to end; 200 workers only time-slice 50 requests
 *       on two cores and stretch every one of them (load benchmark, docs/reliability.md: p99 512 ms with 200, 347 ms
 *       with 12, on 2 cores);</li>
 *   <li><b>an external server or cluster</b> ({@code NEO4J_URI} set): Tomcat's own 200, as requests then mostly wait
 *       on the network.</li>
 * </ul>
 * Uploads cannot take the pool: {@link UploadSlotsFilter}. An explicit {@code server.tomcat.threads.max} is left as set.
 */
@Component
class HttpThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final int PER_CORE = 8;
    static final int MIN = 16;
    static final int EXTERNAL = 200;

    private static final Logger log = LoggerFactory.getLogger(HttpThreads.class);

    private final int configured;
    private final boolean explicitTomcat;
    private final boolean external;

    HttpThreads(@Value("${chainatlas.http.threads:0}") int configured, Environment env) {
        if (configured < 0 || configured > 2_000) {
            throw new IllegalArgumentException("CHAINATLAS_HTTP_THREADS must be between 1 and 2000 (0 or unset: automatic): "
                    + configured);
        }
        this.configured = configured;
        this.explicitTomcat = env.containsProperty("server.tomcat.threads.max");
        String uri = env.getProperty("spring.neo4j.uri", "");
        this.external = !uri.isBlank();
    }

    /** The worker count for this process. */
    int threads() {
        if (configured > 0) {
            return configured;
        }
        return automatic(external, Runtime.getRuntime().availableProcessors());
    }

    static int automatic(boolean externalDatabase, int cores) {
        return externalDatabase ? EXTERNAL : Math.max(MIN, PER_CORE * cores);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (explicitTomcat && configured == 0) {
            return;
        }
        int n = threads();
        log.info("HTTP worker threads: {} ({})", n, configured > 0 ? "CHAINATLAS_HTTP_THREADS"
                : external ? "external Neo4j" : PER_CORE + " per core, embedded Neo4j");
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(n);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), n));
            }
        });
    }

    /** After Boot's own Tomcat customizer, which applies {@code server.tomcat.threads.*}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
