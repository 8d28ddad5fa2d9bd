package io.twofold.mfa.model;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * One of a user's factors as an operator sees it: the authenticators of one device part taken
 * together (a phone's SMS and voice authenticators are one factor), with their name and last use.
 * {@code address} is the phone number or email address in full; masking it is the caller's job.
 */
public record ManagedFactor(UserId user, FactorType type, String device, boolean confirmed,
                            List<AuthenticatorId> authenticators, Option<String> address, Option<String> name,
                            Instant createdAt, Option<Instant> confirmedAt, Option<Instant> lastUsedAt) {

    /** The channel a phone is used with: SMS when it has an SMS authenticator, else voice; none for other types. */
    public Option<OobChannel> preferredChannel() {
        if (type != FactorType.PHONE) {
            return Option.none();
        }
        return Option.some(authenticators.exists(id -> id.kind() == AuthenticatorKind.SMS) ? OobChannel.SMS : OobChannel.VOICE);
    }
}
