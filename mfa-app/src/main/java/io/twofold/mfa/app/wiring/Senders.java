package io.twofold.mfa.app.wiring;

import io.twofold.mfa.app.config.DeliverySettings;
import io.twofold.mfa.app.config.SenderKind;
import io.twofold.mfa.app.config.SmtpSettings;
import io.twofold.mfa.app.config.WebhookSettings;
import io.twofold.mfa.http.delivery.LogSender;
import io.twofold.mfa.http.delivery.SmtpEmailSender;
import io.twofold.mfa.http.delivery.SmtpServer;
import io.twofold.mfa.http.delivery.WebhookSender;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.VoiceSender;
import io.twofold.mfa.secret.Redaction;
import io.vavr.collection.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The out-of-band senders, one per channel as {@link DeliverySettings} names them: the webhook (its
 * payload names the channel), SMTP for email, or the development log sender, announced loudly.
 */
record Senders(SmsSender sms, VoiceSender voice, EmailSender email) {
    private static final Logger LOG = LoggerFactory.getLogger(Senders.class);

    static Senders from(DeliverySettings delivery, String tenantName, Clock clock) {
        WebhookSender webhook = delivery.webhook().filter(settings -> delivery.uses(SenderKind.WEBHOOK))
                .map(settings -> webhook(settings, delivery, clock)).getOrNull();
        LogSender log = delivery.uses(SenderKind.LOG) ? logSender(delivery) : null;
        SmtpEmailSender smtp = delivery.smtp().filter(settings -> delivery.email() == SenderKind.SMTP)
                .map(settings -> smtp(settings, tenantName, clock)).getOrNull();
        return new Senders(delivery.sms() == SenderKind.WEBHOOK ? webhook : log,
                delivery.voice() == SenderKind.WEBHOOK ? webhook : log,
                switch (delivery.email()) {
                    case WEBHOOK -> webhook;
                    case SMTP -> smtp;
                    case LOG -> log;
                });
    }

    private static WebhookSender webhook(WebhookSettings settings, DeliverySettings delivery, Clock clock) {
        String url = Redaction.url(settings.url().toString());
        LOG.info("{} codes are delivered by the webhook {}", channels(delivery, SenderKind.WEBHOOK), url);
        if ("http".equalsIgnoreCase(settings.url().getScheme())) {
            LOG.warn("the webhook {} is plain http: one-time codes and their signatures travel to it unencrypted;"
                    + " use https unless it runs on this machine", url);
        }
        return new WebhookSender(settings.url(), settings.secret(), settings.timeout(), clock);
    }

    private static SmtpEmailSender smtp(SmtpSettings settings, String tenantName, Clock clock) {
        LOG.info("email codes are sent over SMTP to {}:{} ({}), from {}", settings.host(), settings.port(),
                settings.encryptionInWords(), settings.from());
        boolean encrypted = settings.encryption() == SmtpServer.Encryption.STARTTLS_REQUIRED
                || settings.encryption() == SmtpServer.Encryption.IMPLICIT_TLS;
        if (!encrypted && !settings.onThisMachine()) {
            LOG.warn("email codes may travel to the SMTP server {} unencrypted ({}); set MFA_SMTP_STARTTLS=required"
                    + " unless it runs on this machine", settings.host(), settings.encryptionInWords());
        }
        return new SmtpEmailSender(settings.server(), settings.from(), tenantName, clock);
    }

    private static LogSender logSender(DeliverySettings delivery) {
        LOG.warn("*****************************************************************************************");
        LOG.warn("{} codes are WRITTEN TO THIS LOG and sent to nobody. This development sender must never", channels(delivery, SenderKind.LOG));
        LOG.warn("run in production: configure MFA_SMS_WEBHOOK_URL (any channel) or MFA_SMTP_HOST (email).");
        LOG.warn("*****************************************************************************************");
        return new LogSender();
    }

    /** "SMS, voice and email": the channels {@code kind} delivers. */
    private static String channels(DeliverySettings delivery, SenderKind kind) {
        List<String> names = List.of("SMS", "voice", "email")
                .zip(List.of(delivery.sms(), delivery.voice(), delivery.email()))
                .filter(channel -> channel._2 == kind).map(channel -> channel._1);
        return names.size() == 1 ? names.head() : names.init().mkString(", ") + " and " + names.last();
    }
}
