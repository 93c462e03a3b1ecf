package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside the embedded default the token signing key is configuration, never a row in the shared database. */
@PostgresSchema
class PostgresSigningKeyIntegrationTests {

    @TempDir
    Path dataDir;

    @PostgresSchema.Name
    private String schema;

    private String[] withoutSecret() {
        return Arrays.stream(Postgres.serverArgs(schema)).filter(a -> !a.startsWith("--huiying.security.jwt-secret=")).toArray(String[]::new);
    }

    @Test
    void onPostgresTheServerRefusesToStartWithoutAConfiguredKey() {
        assertThatThrownBy(() -> new RunningServer(dataDir, withoutSecret()).start())
                .hasStackTraceContaining("HUIYING_SECURITY_JWT_SECRET");
    }

    @Test
    void aKeyFileServesAsTheKey() throws Exception {
        Path keyFile = Files.writeString(dataDir.resolve("jwt.key"), "a-key-kept-in-a-file-of-at-least-32-bytes\n");
        String[] args = Arrays.copyOf(withoutSecret(), withoutSecret().length + 1);
        args[args.length - 1] = "--huiying.security.jwt-secret-file=" + keyFile;
        try (RunningServer server = new RunningServer(dataDir, args).start()) {
            assertThat(server.api().get("/api/staff/me", server.api().adminToken()).status()).isEqualTo(200);
        }
    }
}
