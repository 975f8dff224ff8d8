package com.chainatlas.system;

import java.net.BindException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns the start-up failures an operator causes (issue 13) into ONE clear message in Chinese and English instead of a
 * page of stack traces: an unwritable data directory, an HTTP port in use, the embedded Bolt port in use. Spring Boot
 * prints it as "APPLICATION FAILED TO START" and the JVM exits with a non-zero code. Registered in
 * {@code META-INF/spring.factories}; ordered before Boot's own port analyser so the message is ours.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        DataDirectoryNotWritableException dir = find(failure, DataDirectoryNotWritableException.class);
        if (dir != null) {
            return new FailureAnalysis(
                    "数据目录不可写，无法启动: " + dir.directory() + "（" + dir.reason() + "）\n"
                            + "Data directory is not writable, cannot start: " + dir.directory() + " (" + dir.reason() + ")",
                    "请确认该目录存在且运行程序的用户可写，或用环境变量 CHAINATLAS_DATA_DIR（属性 chainatlas.embedded.data-dir）"
                            + "指定另一个目录。\nMake the directory writable for this user or set CHAINATLAS_DATA_DIR "
                            + "(chainatlas.embedded.data-dir) to another one.",
                    dir);
        }
        PortInUseException http = find(failure, PortInUseException.class);
        if (http != null) {
            return new FailureAnalysis(
                    "HTTP 端口 " + http.getPort() + " 已被占用，无法启动。\nHTTP port " + http.getPort()
                            + " is already in use, cannot start.",
                    "请停止占用该端口的程序（可能是已在运行的 ChainAtlas），或用环境变量 PORT（属性 server.port）换一个端口。\n"
                            + "Stop the program holding the port (perhaps ChainAtlas already running) or set PORT "
                            + "(server.port) to another port.",
                    http);
        }
        BoltPortInUseException bolt = find(failure, BoltPortInUseException.class);
        if (bolt != null) {
            return new FailureAnalysis(
                    "内置数据库的 Bolt 端口 " + bolt.port() + " 已被占用，无法启动。\nThe embedded database's Bolt port "
                            + bolt.port() + " is already in use, cannot start.",
                    "请停止占用该端口的程序（可能是已在运行的 ChainAtlas 或 Neo4j），或用环境变量 CHAINATLAS_BOLT_PORT"
                            + "（0 = 任一空闲端口）换一个端口。\nStop the program holding the port (perhaps ChainAtlas or "
                            + "Neo4j already running) or set CHAINATLAS_BOLT_PORT (0 = any free port).",
                    bolt);
        }
        return null;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether a bind failure (address in use) is among the causes. */
    static boolean bindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /** The embedded database's data directory cannot be created or written. */
    public static class DataDirectoryNotWritableException extends IllegalStateException {
        private final String directory;
        private final String reason;

        public DataDirectoryNotWritableException(String directory, String reason, Throwable cause) {
            super("Data directory is not writable: " + directory + " (" + reason + ")", cause);
            this.directory = directory;
            this.reason = reason;
        }

        public String directory() {
            return directory;
        }

        public String reason() {
            return reason;
        }
    }

    /** The embedded database's Bolt port is taken. */
    public static class BoltPortInUseException extends IllegalStateException {
        private final int port;

        public BoltPortInUseException(int port, Throwable cause) {
            super("Bolt port " + port + " is already in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
