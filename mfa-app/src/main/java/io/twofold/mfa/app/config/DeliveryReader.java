package io.twofold.mfa.app.config;

import io.vavr.control.Option;

import java.util.function.Function;

import static io.twofold.mfa.app.config.ConfigurationReader.invalid;

/**
 * Reads who delivers each channel's codes. Unset, a channel takes what is configured: email goes over
 * SMTP when {@code MFA_SMTP_HOST} is set, else, like SMS and voice, to the webhook when
 * {@code MFA_SMS_WEBHOOK_URL} is set, else to the development log sender. A sender named without its
 * settings, and settings that no channel would use, stop the start.
 */
final class DeliveryReader {
    private final Function<Setting, Option<String>> raw;

    /** {@code raw} answers none for a setting that is absent or blank. */
    DeliveryReader(Function<Setting, Option<String>> raw) {
        this.raw = raw;
    }

    DeliverySettings read() {
        Option<WebhookSettings> webhook = new WebhookReader(raw).read();
        Option<SmtpSettings> smtp = new SmtpReader(raw).read();
        SenderKind byDefault = webhook.isDefined() ? SenderKind.WEBHOOK : SenderKind.LOG;
        SenderKind sms = kind(Setting.SMS_SENDER, byDefault, webhook, smtp);
        SenderKind voice = kind(Setting.VOICE_SENDER, byDefault, webhook, smtp);
        SenderKind email = kind(Setting.EMAIL_SENDER, smtp.isDefined() ? SenderKind.SMTP : byDefault, webhook, smtp);
        if (sms == SenderKind.SMTP || voice == SenderKind.SMTP) {
            throw invalid(sms == SenderKind.SMTP ? Setting.SMS_SENDER : Setting.VOICE_SENDER,
                    "must be webhook or log (smtp delivers email only)");
        }
        if (smtp.isDefined() && email != SenderKind.SMTP) {
            throw invalid(Setting.SMTP_HOST, "is set but MFA_EMAIL_SENDER is " + email.word()
                    + ": email codes would not go over SMTP. Unset one of them");
        }
        DeliverySettings delivery = new DeliverySettings(sms, voice, email, webhook, smtp);
        if (webhook.isDefined() && !delivery.uses(SenderKind.WEBHOOK)) {
            throw invalid(Setting.SMS_WEBHOOK_URL, "is set but no channel uses it (MFA_SMS_SENDER, MFA_VOICE_SENDER and"
                    + " MFA_EMAIL_SENDER name other senders). Unset it, or name webhook for a channel");
        }
        return delivery;
    }

    private SenderKind kind(Setting setting, SenderKind byDefault, Option<WebhookSettings> webhook, Option<SmtpSettings> smtp) {
        SenderKind kind = raw.apply(setting).map(value -> SenderKind.parse(value).getOrElseThrow(() -> invalid(setting,
                "must be webhook, smtp (email only) or log (development: codes written to the log)"))).getOrElse(byDefault);
        if (kind == SenderKind.WEBHOOK && webhook.isEmpty()) {
            throw invalid(setting, "is webhook but MFA_SMS_WEBHOOK_URL is not set");
        }
        if (kind == SenderKind.SMTP && smtp.isEmpty() && setting == Setting.EMAIL_SENDER) {
            throw invalid(setting, "is smtp but MFA_SMTP_HOST is not set");
        }
        return kind;
    }
}
