package com.chainatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.support.Api;
import com.chainatlas.system.EmbeddedBoltCredentials;

/**
 * First start on an empty database: the admin gets a generated password, logged once in one clear block; a restart
 * (now with a configured password) neither re-creates nor resets it. The embedded Bolt port wants a password.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    @TempDir
    Path dir;

    @Test
    void generatedPasswordIsLoggedOnceAndNeverReset(CapturedOutput output) {
        String generated;
        try (ConfigurableApplicationContext first = start("")) {
            Matcher m = Pattern.compile("首次启动：已创建管理员 admin，初始密码 (\\S{16})（请登录后修改）").matcher(output.getAll());
            assertThat(m.find()).as("the first-start block in the log").isTrue();
            generated = m.group(1);
            assertThat(output.getAll()).contains("first start: created admin \"admin\" with password " + generated);
            Api api = new Api(port(first)).as("admin", generated);
            assertThat(api.ok("/api/auth/me").get("role").asString()).isEqualTo("ADMIN");
            assertThat(api.ok("/api/auth/me").get("regionCode").isNull()).isTrue();
            assertThat(api.as("admin", "it-admin-pass-1").get("/api/chains").status()).isEqualTo(401);

            // Bolt on loopback: no access without the generated password, access with it
            var credentials = first.getBean(EmbeddedBoltCredentials.class);
            String bolt = "bolt://127.0.0.1:" + first.getEnvironment().getProperty("local.bolt.port", boltPort(first));
            try (var none = GraphDatabase.driver(bolt, AuthTokens.none())) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(none::verifyConnectivity)).isNotNull();
            }
            try (var ok = GraphDatabase.driver(bolt, credentials.authToken())) {
                ok.verifyConnectivity();
            }
        }
        int blocks = output.getAll().split("首次启动").length - 1;
        try (ConfigurableApplicationContext second = start("--chainatlas.security.admin-password=another-pass-1")) {
            Api api = new Api(port(second));
            assertThat(api.as("admin", generated).get("/api/auth/me").status()).isEqualTo(200);
            assertThat(api.as("admin", "another-pass-1").get("/api/auth/me").status()).isEqualTo(401);
            long accounts = second.getBean(Neo4jClient.class).query("MATCH (a:Account) RETURN count(a)").fetchAs(Long.class).one().orElseThrow();
            assertThat(accounts).isEqualTo(1);
        }
        assertThat(output.getAll().split("首次启动").length - 1).isEqualTo(blocks); // not logged again
    }

    @Test
    void configuredPasswordIsUsedAndNotLogged(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--chainatlas.security.admin-password=chosen-pass-1")) {
            assertThat(new Api(port(app)).as("admin", "chosen-pass-1").ok("/api/auth/me").get("username").asString()).isEqualTo("admin");
            assertThat(output.getAll()).doesNotContain("chosen-pass-1").doesNotContain("首次启动");
        }
    }

    private ConfigurableApplicationContext start(String password) {
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run(
                "--server.port=0", "--chainatlas.embedded.bolt-port=0", "--chainatlas.embedded.page-cache=64m",
                "--chainatlas.embedded.data-dir=" + dir.toAbsolutePath(), "--spring.neo4j.uri=", "--chainatlas.demo.enabled=false",
                "--chainatlas.snapshots.warm-up=false", "--chainatlas.security.bcrypt-strength=4",
                password.isEmpty() ? "--chainatlas.security.admin-password=" : password);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String boltPort(ConfigurableApplicationContext app) {
        var details = app.getBean(org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails.class);
        return Integer.toString(details.getUri().getPort());
    }
}
