package io.twofold.mfa.app.cli;

import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.http.token.SigningKeyRotation;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.secret.SecureRandomSource;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code signing-key rotate}: a new RSA key (RS256) and a new EC key (ES256) become current in the
 * database; every node signs with them within MFA_SIGNING_KEY_REFRESH, and the keys they replaced keep
 * verifying (and stay in the JWKS) until the longest-lived token they signed has expired. With
 * MFA_SIGNING_KEY set, the RSA key is the configured one and only the EC key rotates.
 * {@code signing-key list}: the keys kept.
 */
final class SigningKeyCommand implements Command {
    private final OperatorStorage storage;
    private final Clock clock;

    SigningKeyCommand(OperatorStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "signing-key";
    }

    @Override
    public String usage() {
        return "rotate|list   make new token-signing keys (RSA and EC) current on every node / list the keys kept";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1 || !List.of("rotate", "list").contains(arguments.get(0))) {
            err.println("Usage: java -jar mfa-app.jar signing-key " + usage());
            return 2;
        }
        TwofoldConfiguration configuration = storage.configuration();
        try (JdbcStorage jdbc = storage.open(configuration)) {
            return arguments.get(0).equals("rotate") ? rotate(configuration, jdbc, out, err) : list(configuration, jdbc, out);
        }
    }

    private int rotate(TwofoldConfiguration configuration, JdbcStorage jdbc, PrintStream out, PrintStream err) {
        // One instant for the rotation and for what is said about it.
        Clock now = Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC);
        boolean configuredRsa = configuration.signingKeyJwk().isDefined();
        if (configuredRsa) {
            out.println("MFA_SIGNING_KEY is set: the nodes sign RS256 with that key, which this command does not change"
                    + " (give every node the new key to rotate it; tokens signed by the old one then stop verifying)."
                    + " Rotating the EC key (ES256) kept in the database.");
        }
        io.vavr.collection.List<SigningAlgorithm> algorithms = configuredRsa
                ? io.vavr.collection.List.of(SigningAlgorithm.ES256)
                : io.vavr.collection.List.of(SigningAlgorithm.values());
        SigningKeyRotation.Rotations rotations = SigningKeyRotation.rotate(jdbc.signingKeys(), now, new SecureRandomSource(),
                configuration.keyRefresh().retiredKeysKept(), algorithms);
        boolean allRotated = true;
        for (SigningKeyRotation.Rotation rotation : rotations.keys()) {
            String what = rotation.algorithm() == SigningAlgorithm.ES256 ? "EC signing key (ES256) " : "RSA signing key (RS256) ";
            if (!rotation.rotated()) {
                allRotated = false;
                err.println("Another rotation came first: " + what + rotation.current() + " is current. Nothing changed"
                        + " for it.");
                continue;
            }
            out.println(what + rotation.current() + " is current.");
            rotation.previous().forEach(previous -> out.println("Key " + previous + " is retired: it stays in the JWKS"
                    + " and verifies the tokens it signed until "
                    + now.instant().plus(configuration.keyRefresh().retiredKeysKept()) + "."));
        }
        out.println("Every node signs with the new keys within " + configuration.signingKeyRefresh()
                + " (MFA_SIGNING_KEY_REFRESH). Retired keys forgotten: " + rotations.dropped() + ".");
        return allRotated ? 0 : 1;
    }

    private int list(TwofoldConfiguration configuration, JdbcStorage jdbc, PrintStream out) {
        Instant forgetBefore = clock.instant().minus(configuration.keyRefresh().retiredKeysKept());
        for (KeptSigningKey kept : jdbc.signingKeys().all()) {
            out.println(kept.key().keyId() + "  " + kept.key().algorithm() + "  created " + kept.key().createdAt() + "  "
                    + kept.retiredAt().map(at -> "retired " + at + (at.isAfter(forgetBefore) ? ", verifies until "
                            + at.plus(configuration.keyRefresh().retiredKeysKept()) : ", no longer verifies"))
                    .getOrElse("current"));
        }
        return 0;
    }
}
