package io.twofold.mfa.app.config;

import java.net.URI;
import java.time.Duration;

/** The HTTP endpoint that delivers SMS codes, the secret that signs each call, and how long to wait. */
public record WebhookSettings(URI url, String secret, Duration timeout) {
    @Override
    public String toString() {
        return "WebhookSettings[" + url + ", secret=***, timeout=" + timeout + "]";
    }
}
