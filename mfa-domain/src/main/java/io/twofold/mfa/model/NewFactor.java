package io.twofold.mfa.model;

import io.vavr.control.Option;

/** A factor an operator adds, validated: active at once, with an optional name. */
public sealed interface NewFactor {

    Option<String> name();

    /** The authenticator's factor, for the channel it is used with. */
    Factor factor();

    /** An authenticator app's seed, imported (the operator knows it; it is sealed like any other). */
    record Totp(Option<String> name, OtpSeed seed, TotpParameters parameters) implements NewFactor {
        /** A seed for the default parameters (SHA1, 6 digits, 30 s), as the Management API imports them. */
        public Totp(Option<String> name, OtpSeed seed) {
            this(name, seed, TotpParameters.DEFAULT);
        }

        @Override
        public Factor factor() {
            return new Factor.Totp(seed, parameters);
        }
    }

    /** A phone, used with SMS or voice. */
    record Phone(Option<String> name, PhoneNumber number, OobChannel channel) implements NewFactor {
        public Phone {
            if (channel == OobChannel.EMAIL) {
                throw new IllegalArgumentException("a phone is used with SMS or voice");
            }
        }

        @Override
        public Factor factor() {
            return Factor.Oob.phone(channel, number);
        }
    }

    /** An email address. */
    record Email(Option<String> name, EmailAddress address) implements NewFactor {
        @Override
        public Factor factor() {
            return Factor.Oob.email(address);
        }
    }
}
