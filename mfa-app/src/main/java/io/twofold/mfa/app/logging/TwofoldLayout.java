package io.twofold.mfa.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.event.KeyValuePair;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The layout of every log line, picked by {@code MFA_LOG_FORMAT} in {@code logback.xml}: {@code text}
 * (the default) is the human pattern; {@code json} is one JSON object per line with {@code timestamp}
 * (ISO-8601, UTC, milliseconds), {@code level}, {@code logger}, {@code thread}, {@code message}, the
 * {@code request_id} when the line belongs to a request, the event's SLF4J key-value pairs (the access
 * line's {@code method}, {@code path}, {@code status}, {@code duration_ms}), and {@code exception}, the
 * stack trace as one escaped string, when there is one. An unknown format logs as text, so that the configuration check
 * can refuse it in a line an operator can read.
 */
public class TwofoldLayout extends LayoutBase<ILoggingEvent> {
    /** The MDC key of the request id, as the HTTP adapter's {@code RequestLogFilter} puts it. */
    public static final String REQUEST_ID = "request_id";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private static final Set<String> STANDARD_FIELDS = Set.of("timestamp", "level", "logger", "thread", "message",
            REQUEST_ID, "exception");
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private String format = "text";
    private PatternLayout text;

    /** {@code text} or {@code json}, in any case; anything else logs as text. */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    boolean json() {
        return "json".equals(format);
    }

    @Override
    public void start() {
        text = new PatternLayout();
        text.setContext(getContext());
        text.setPattern(TEXT_PATTERN);
        text.start();
        super.start();
    }

    @Override
    public void stop() {
        if (text != null) {
            text.stop();
        }
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return json() ? jsonLine(event) : text.doLayout(event);
    }

    /** A whole number stays a number; anything else is written as its string. */
    private static void field(JsonGenerator json, String name, Object value) throws IOException {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumberField(name, ((Number) value).longValue());
        } else {
            json.writeStringField(name, String.valueOf(value));
        }
    }

    static String jsonLine(ILoggingEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", TIMESTAMP.format(event.getInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            String requestId = event.getMDCPropertyMap().get(REQUEST_ID);
            if (requestId != null) {
                json.writeStringField(REQUEST_ID, requestId);
            }
            for (KeyValuePair pair : event.getKeyValuePairs() == null ? List.<KeyValuePair>of() : event.getKeyValuePairs()) {
                if (!STANDARD_FIELDS.contains(pair.key)) {
                    field(json, pair.key, pair.value);
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append(CoreConstants.LINE_SEPARATOR).toString();
    }
}
