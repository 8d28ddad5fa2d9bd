package io.twofold.mfa.app.wiring;

import io.twofold.mfa.app.config.WebhookSettings;
import io.twofold.mfa.http.delivery.LogSender;
import io.twofold.mfa.http.delivery.WebhookSender;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.VoiceSender;
import io.twofold.mfa.secret.Redaction;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The out-of-band senders: the webhook for every channel (its payload names the channel) when
 * {@code MFA_SMS_WEBHOOK_URL} is set, otherwise the development log sender, announced loudly.
 */
record Senders(SmsSender sms, VoiceSender voice, EmailSender email) {
    private static final Logger LOG = LoggerFactory.getLogger(Senders.class);

    static Senders from(Option<WebhookSettings> webhook, Clock clock) {
        if (webhook.isDefined()) {
            WebhookSettings settings = webhook.get();
            WebhookSender sender = new WebhookSender(settings.url(), settings.secret(), settings.timeout(), clock);
            String url = Redaction.url(settings.url().toString());
            LOG.info("one-time codes are delivered by the webhook {}", url);
            if ("http".equalsIgnoreCase(settings.url().getScheme())) {
                LOG.warn("the webhook {} is plain http: one-time codes and their signatures travel to it unencrypted;"
                        + " use https unless it runs on this machine", url);
            }
            return new Senders(sender, sender, sender);
        }
        LOG.warn("*****************************************************************************************");
        LOG.warn("MFA_SMS_WEBHOOK_URL is not set: SMS, voice and email codes are WRITTEN TO THIS LOG and sent");
        LOG.warn("to nobody. This development sender must never run in production.");
        LOG.warn("*****************************************************************************************");
        LogSender sender = new LogSender();
        return new Senders(sender, sender, sender);
    }
}
