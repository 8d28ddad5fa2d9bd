package io.twofold.mfa.app.config;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * Who delivers each channel's codes ({@code MFA_SMS_SENDER}, {@code MFA_VOICE_SENDER},
 * {@code MFA_EMAIL_SENDER}), and the webhook and SMTP server they may name.
 */
public record DeliverySettings(SenderKind sms, SenderKind voice, SenderKind email, Option<WebhookSettings> webhook,
                               Option<SmtpSettings> smtp) {

    /** The slowest call a request may wait on, and the setting that bounds it; none when every channel logs. */
    Option<Tuple2<Setting, Duration>> longestCall() {
        Option<Tuple2<Setting, Duration>> hook = webhook.filter(w -> uses(SenderKind.WEBHOOK))
                .map(w -> Tuple.of(Setting.SMS_WEBHOOK_TIMEOUT, w.timeout()));
        Option<Tuple2<Setting, Duration>> mail = smtp.filter(s -> uses(SenderKind.SMTP))
                .map(s -> Tuple.of(Setting.SMTP_TIMEOUT, s.timeout()));
        return hook.toList().appendAll(mail).maxBy(call -> call._2);
    }

    /** Whether some channel is delivered by {@code kind}. */
    public boolean uses(SenderKind kind) {
        return List.of(sms, voice, email).contains(kind);
    }

    @Override
    public String toString() {
        return "DeliverySettings[sms=" + sms.word() + ", voice=" + voice.word() + ", email=" + email.word()
                + ", webhook=" + webhook + ", smtp=" + smtp + "]";
    }
}
