package io.twofold.mfa.app.config;

import io.vavr.control.Option;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Function;

import static io.twofold.mfa.app.config.ConfigurationReader.invalid;

/**
 * Reads the webhook settings for {@link ConfigurationReader}: an http(s) URL, plain http only to this
 * machine unless {@code MFA_ALLOW_INSECURE_WEBHOOK=true}, a signing secret of at least 16 characters,
 * and a timeout.
 */
final class WebhookReader {
    private static final int MIN_WEBHOOK_SECRET = 16;

    private final Function<Setting, Option<String>> raw;

    /** {@code raw} answers none for a setting that is absent or blank. */
    WebhookReader(Function<Setting, Option<String>> raw) {
        this.raw = raw;
    }

    /** The webhook settings, none when {@code MFA_SMS_WEBHOOK_URL} is unset. */
    Option<WebhookSettings> read() {
        Option<String> url = raw.apply(Setting.SMS_WEBHOOK_URL);
        if (url.isEmpty()) {
            return Option.none();
        }
        URI uri = ConfigurationReader.uri(Setting.SMS_WEBHOOK_URL, url.get());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw invalid(Setting.SMS_WEBHOOK_URL, "must be an absolute http:// or https:// URL");
        }
        boolean insecureAllowed = flag(Setting.ALLOW_INSECURE_WEBHOOK);
        if (scheme.equals("http") && !isLoopback(uri.getHost()) && !insecureAllowed) {
            throw invalid(Setting.SMS_WEBHOOK_URL, "is plain http to another machine: codes and their signatures would"
                    + " cross the network unencrypted. Use https, or set MFA_ALLOW_INSECURE_WEBHOOK=true");
        }
        String secret = raw.apply(Setting.SMS_WEBHOOK_SECRET).getOrElseThrow(() -> invalid(Setting.SMS_WEBHOOK_SECRET,
                "is required when MFA_SMS_WEBHOOK_URL is set (the receiver checks each call's signature with it)"));
        if (secret.length() < MIN_WEBHOOK_SECRET) {
            throw invalid(Setting.SMS_WEBHOOK_SECRET, "must be at least " + MIN_WEBHOOK_SECRET + " characters");
        }
        var timeout = raw.apply(Setting.SMS_WEBHOOK_TIMEOUT)
                .map(value -> Durations.parse(value).getOrElseThrow(reason -> invalid(Setting.SMS_WEBHOOK_TIMEOUT, reason)))
                .getOrElse(Durations.DEFAULT_WEBHOOK_TIMEOUT);
        return Option.some(new WebhookSettings(uri, secret, timeout));
    }

    /** Whether the host is this machine, named without DNS: {@code localhost} or a loopback IP literal. */
    static boolean isLoopback(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (literal.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean flag(Setting setting) {
        String value = raw.apply(setting).getOrElse("false").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(setting, "must be true or false");
        }
        return value.equals("true");
    }
}
