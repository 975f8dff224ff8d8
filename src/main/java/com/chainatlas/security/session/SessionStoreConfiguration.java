package com.chainatlas.security.session;

import java.time.Clock;
import java.time.Duration;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * {@code chainatlas.sessions.store=neo4j} (the cluster profile; the default is {@code memory}, which for one instance
 * costs nothing: the database store added a read per request, halving the load benchmark's throughput): browser sessions live in the database
 * ({@link Neo4jSessionRepository}) through Spring Session's filter, so any instance serves any browser and the load
 * balancer needs no stickiness. {@code memory}: this configuration is off and Tomcat keeps sessions in the instance's
 * memory as before (one instance only, or a sticky load balancer).
 *
 * <p>The cookie stays what Tomcat set: {@code JSESSIONID} (or {@code server.servlet.session.cookie.name}), HttpOnly,
 * SameSite=Lax, path of the context, Secure on HTTPS requests; the timeout is {@code server.servlet.session.timeout}
 * (30 min by default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chainatlas.sessions.store", havingValue = "neo4j")
@EnableSpringHttpSession
class SessionStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

    @Bean
    Neo4jSessionRepository sessionRepository(Driver driver, Environment env,
                                             @Value("${spring.data.neo4j.database:}") String database,
                                             @Value("${chainatlas.sessions.touch-interval:60s}") Duration touch) {
        Duration timeout = Binder.get(env).bind("server.servlet.session.timeout", Duration.class)
                .orElse(Duration.ofMinutes(30));
        return new Neo4jSessionRepository(driver, database, timeout, touch, Clock.systemUTC(),
                SessionStoreConfiguration.class.getClassLoader());
    }

    @Bean
    CookieSerializer cookieSerializer(Environment env) {
        DefaultCookieSerializer c = new DefaultCookieSerializer();
        c.setCookieName(env.getProperty("server.servlet.session.cookie.name", "JSESSIONID"));
        c.setUseHttpOnlyCookie(env.getProperty("server.servlet.session.cookie.http-only", Boolean.class, true));
        String sameSite = env.getProperty("server.servlet.session.cookie.same-site", "lax");
        c.setSameSite(sameSite.isEmpty() ? null : Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase());
        c.setUseBase64Encoding(false); // the cookie holds the session id itself, as Tomcat's did
        return c;
    }

    @Bean
    FilterRegistrationBean<SessionStoreOutageFilter> sessionStoreOutageFilter() {
        FilterRegistrationBean<SessionStoreOutageFilter> r = new FilterRegistrationBean<>(new SessionStoreOutageFilter());
        r.setOrder(SessionStoreOutageFilter.ORDER);
        return r;
    }

    @Bean
    FilterRegistrationBean<SessionRequestScope> sessionRequestScope() {
        FilterRegistrationBean<SessionRequestScope> r = new FilterRegistrationBean<>(new SessionRequestScope());
        r.setOrder(SessionRequestScope.ORDER);
        return r;
    }

    @Bean
    Cleanup sessionCleanup(Neo4jSessionRepository sessions) {
        return new Cleanup(sessions);
    }

    /** Deletes expired sessions; every instance runs it, which is harmless (a delete of what is already gone). */
    static final class Cleanup {
        private final Neo4jSessionRepository sessions;

        Cleanup(Neo4jSessionRepository sessions) {
            this.sessions = sessions;
        }

        @Scheduled(fixedDelayString = "${chainatlas.sessions.cleanup-interval:5m}",
                initialDelayString = "${chainatlas.sessions.cleanup-interval:5m}")
        void run() {
            try {
                long n = sessions.deleteExpired(1_000);
                if (n > 0) {
                    log.info("Deleted {} expired browser session(s)", n);
                }
            } catch (RuntimeException e) {
                log.warn("Expired-session cleanup failed, next try in one interval: {}", e.toString());
            }
        }
    }
}
