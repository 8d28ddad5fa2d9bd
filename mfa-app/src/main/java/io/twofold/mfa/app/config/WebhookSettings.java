package io.twofold.mfa.app.config;

import io.twofold.mfa.secret.Redaction;

import java.net.URI;
import java.time.Duration;

/** The HTTP endpoint that delivers SMS codes, the secret that signs each call, and how long to wait. */
public record WebhookSettings(URI url, String secret, Duration timeout) {
    @Override
    public String toString() {
        return "WebhookSettings[" + Redaction.url(url.toString()) + ", secret=***, timeout=" + timeout + "]";
    }
}
