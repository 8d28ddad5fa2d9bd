package io.twofold.mfa.app.config;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Locale;

/** What delivers one channel's codes: the webhook, SMTP (email only), or the development log sender. */
public enum SenderKind {
    WEBHOOK, SMTP, LOG;

    /** The word an operator writes in {@code MFA_<CHANNEL>_SENDER}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Option<SenderKind> parse(String value) {
        return List.of(values()).find(kind -> kind.word().equals(value.toLowerCase(Locale.ROOT)));
    }
}
