package io.twofold.mfa.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwofoldLayoutTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private String layout(String format, LoggingEvent event) {
        TwofoldLayout layout = new TwofoldLayout();
        layout.setContext(context);
        layout.setFormat(format);
        layout.start();
        return layout.doLayout(event);
    }

    private LoggingEvent event(Throwable thrown) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.twofold.Example"), Level.WARN,
                "it said \"{}\"\nand stopped", thrown, new Object[] {"no"});
        event.setInstant(Instant.parse("2026-12-01T20:00:00.123456Z"));
        event.setThreadName("blocking-executor-thread-1");
        return event;
    }

    @Test
    void writesOneJsonObjectOnOneLineWithTheStackTraceAsOneString() throws Exception {
        LoggingEvent event = event(new IllegalStateException("boom"));
        event.setMDCPropertyMap(Map.of("request_id", "test-123", "other", "not written"));

        String line = layout("JSON", event);

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-12-01T20:00:00.123Z");
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("io.twofold.Example");
        assertThat(json.path("thread").asText()).isEqualTo("blocking-executor-thread-1");
        assertThat(json.path("message").asText()).isEqualTo("it said \"no\"\nand stopped");
        assertThat(json.path("request_id").asText()).isEqualTo("test-123");
        assertThat(json.path("exception").asText()).startsWith("java.lang.IllegalStateException: boom")
                .contains("\tat io.twofold.mfa.app.logging.TwofoldLayoutTest");
        assertThat(json.has("other")).isFalse();
    }

    @Test
    void leavesOutTheRequestIdAndExceptionWhenThereAreNone() throws Exception {
        JsonNode json = new ObjectMapper().readTree(layout("json", event(null)));

        assertThat(json.has("request_id")).isFalse();
        assertThat(json.has("exception")).isFalse();
    }

    @Test
    void writesTheTextPatternByDefaultAndForAnUnknownFormat() {
        assertThat(layout("text", event(null))).contains(" WARN  [blocking-executor-thread-1] io.twofold.Example - it said \"no\"");
        assertThat(layout("logfmt", event(null))).doesNotStartWith("{");
    }
}
