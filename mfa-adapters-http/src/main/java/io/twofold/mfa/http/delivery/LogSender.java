package io.twofold.mfa.http.delivery;

import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.VoiceSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEVELOPMENT ONLY: "delivers" a code by writing it to the log at WARN, so a developer can log in
 * without an SMS or email provider. This is the one deliberate place in Twofold where a secret
 * (the one-time code) is logged; every line says loudly that this sender must not run in
 * production. The address is masked all the same.
 */
public final class LogSender implements SmsSender, VoiceSender, EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogSender.class);

    @Override
    public void send(OobMessage message) {
        LOG.warn("DEVELOPMENT SENDER, NOT FOR PRODUCTION: {} code for {} is {}",
                message.channel().wireName(), masked(message.to()), message.code());
    }

    static String masked(String address) {
        return PhoneNumber.parse(address).map(PhoneNumber::masked)
                .orElse(() -> EmailAddress.parse(address).map(EmailAddress::masked))
                .getOrElse("***");
    }
}
