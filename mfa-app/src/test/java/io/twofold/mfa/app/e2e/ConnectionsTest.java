package io.twofold.mfa.app.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the real app does with connections that misbehave below HTTP: bodies cut short. */
class ConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void aClientThatLeavesMidBodyIsLoggedAtDebugWithoutAStackTrace() throws IOException {
        Logger twofold = (Logger) LoggerFactory.getLogger("io.twofold");
        Level level = twofold.getLevel();
        twofold.setLevel(Level.DEBUG);
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock());
             LogCapture log = new LogCapture()) {
            try (Socket socket = new Socket("127.0.0.1", app.uri().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /oauth/token HTTP/1.1\r\nHost: twofold.test\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"grant_type\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            log.awaitLine("POST /oauth/token");

            assertThat(log.events()).as(log.text()).noneMatch(event -> event.getThrowableProxy() != null);
            assertThat(log.events()).as(log.text()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
            assertThat(log.events()).as(log.text()).anyMatch(event -> event.getLevel() == Level.DEBUG
                    && event.getFormattedMessage().contains("POST /oauth/token: the client closed the connection"));
        } finally {
            twofold.setLevel(level);
        }
    }
}
