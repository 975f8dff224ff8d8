package com.chainatlas.system;

import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;

/**
 * Recognises "the database is not reachable" (an external Neo4j stopped or restarting) among a request's errors and
 * answers it as 503 with Retry-After in Chinese instead of a 500: the client is told to come back, the log gets one
 * line (at most every few seconds) instead of a stack trace per request. The driver reconnects by itself when the
 * server is back, so nothing else is needed to recover.
 */
public final class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    /** What clients are told to wait before retrying. */
    public static final long RETRY_AFTER_SECONDS = 10;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    private DatabaseOutage() {
    }

    /** Whether {@code e} or one of its causes says the database cannot be reached. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
                    || t instanceof DataAccessResourceFailureException
                    // a server shutting down or starting: "Neo.TransientError.General.DatabaseUnavailable"; other
                    // transient errors (deadlock, lock timeout) are worth a retry too
                    || t instanceof org.springframework.dao.TransientDataAccessResourceException
                    || t instanceof org.neo4j.driver.exceptions.TransientException) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem for {@code e}; logs one line now and then. */
    public static ApiProblem problem(Throwable e, String request) {
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            log.warn("Database unavailable ({}): {}: answering 503 until it is back", request, rootMessage(e));
        }
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, RETRY_AFTER_SECONDS,
                "数据库暂时无法连接，请 " + RETRY_AFTER_SECONDS + " 秒后重试；如持续出现请联系管理员",
                "The database is unreachable; retry after " + RETRY_AFTER_SECONDS + " s");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
