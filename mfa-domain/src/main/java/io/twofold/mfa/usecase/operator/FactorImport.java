package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.NewFactor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.otp.internal.Base32;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.port.in.operator.FactorRequest;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.regex.Pattern;

/**
 * The rule that admits a factor an operator adds: TOTP with an imported {@code totp_secret}, a phone
 * (E.164, in an allowed country, used with SMS or voice) or an email address. Other types
 * (WebAuthn, passkeys, push) are not supported. The same country rule as the MFA API applies, so an
 * operator cannot plant a number the senders would refuse. Lives beside the services because it
 * decodes base32 (the OTP package), which the policies may not see.
 */
final class FactorImport {
    /** 80 bits: RFC 4226's minimum (and {@link OtpSeed}'s). */
    public static final int MIN_SEED_BYTES = 10;
    /** 512 bits: more than any authenticator app uses, and it keeps a sealed seed small. */
    public static final int MAX_SEED_BYTES = 64;
    public static final int MAX_NAME_LENGTH = 255;
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]+=*");

    private final CallingCodes allowedCountries;

    public FactorImport(CallingCodes allowedCountries) {
        this.allowedCountries = allowedCountries;
    }

    public Either<OperatorError, NewFactor> admit(FactorRequest request) {
        return name(request.name()).flatMap(name -> {
            String type = request.type().getOrElse("");
            switch (type) {
                case "totp":
                    return seed(request.totpSecret()).map(seed -> new NewFactor.Totp(name, seed));
                case "phone":
                    return phone(request).map(p -> p);
                case "email":
                    return EmailAddress.parse(request.email().getOrNull())
                            .<OperatorError>mapLeft(OperatorError.InvalidInput::new)
                            .map(address -> new NewFactor.Email(name, address));
                case "":
                    return invalid("type is required");
                default:
                    return invalid("Authentication method type " + shown(type) + " is not supported;"
                            + " supported: totp, phone, email");
            }
        });
    }

    /** A name as given (blank is none); refused when longer than {@link #MAX_NAME_LENGTH}. */
    public static Either<OperatorError, Option<String>> name(Option<String> raw) {
        Option<String> name = raw.map(String::strip).filter(n -> !n.isEmpty());
        return name.exists(n -> n.length() > MAX_NAME_LENGTH)
                ? invalid("name must be at most " + MAX_NAME_LENGTH + " characters")
                : Either.right(name);
    }

    /** {@code sms} or {@code voice}. */
    public static Either<OperatorError, OobChannel> phoneChannel(String raw) {
        return OobChannel.byWireName(raw).filter(c -> c != OobChannel.EMAIL)
                .<Either<OperatorError, OobChannel>>map(Either::right)
                .getOrElse(() -> invalid("preferred_authentication_method must be sms or voice"));
    }

    private Either<OperatorError, NewFactor.Phone> phone(FactorRequest request) {
        return FactorImport.name(request.name()).flatMap(name -> PhoneNumber.parse(request.phoneNumber().getOrNull())
                .<OperatorError>mapLeft(OperatorError.InvalidInput::new)
                .flatMap(number -> allowedCountries.allows(number.e164())
                        ? Either.right(number)
                        : invalid("phone_number is in a country that SMS and voice codes are not sent to"))
                .flatMap(number -> phoneChannel(request.preferredMethod().getOrElse("sms"))
                        .map(channel -> new NewFactor.Phone(name, number, channel))));
    }

    /**
     * Base32 (RFC 4648, either case, padding optional, any length that decodes whole) of at least 80
     * and at most 512 bits. Messages never repeat the secret.
     */
    private static Either<OperatorError, OtpSeed> seed(Option<String> raw) {
        if (raw.isEmpty() || raw.get().isEmpty()) {
            return invalid("totp_secret is required for a totp authentication method");
        }
        String text = raw.get();
        if (!BASE32.matcher(text).matches()) {
            return invalid("totp_secret must be base32 (A-Z and 2-7)");
        }
        byte[] bytes;
        try {
            bytes = Base32.decode(text);
        } catch (IllegalArgumentException e) {
            return invalid("totp_secret must be base32 (A-Z and 2-7)");
        }
        if (bytes.length < MIN_SEED_BYTES || bytes.length > MAX_SEED_BYTES) {
            return invalid("totp_secret must encode between 80 and 512 bits (16 to 103 base32 characters)");
        }
        return Either.right(new OtpSeed(bytes));
    }

    private static String shown(String type) {
        return type.length() > 40 ? type.substring(0, 40) + "..." : type;
    }

    private static <T> Either<OperatorError, T> invalid(String message) {
        return Either.left(new OperatorError.InvalidInput(message));
    }
}
