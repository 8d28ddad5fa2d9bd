package io.twofold.mfa.app.cli;

import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.http.token.SigningKeys;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.secret.SecureRandomSource;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code signing-key rotate}: a new token-signing key becomes current in the database; every node
 * signs with it within MFA_SIGNING_KEY_REFRESH, and the key it replaced keeps verifying (and stays in
 * the JWKS) until the longest-lived token it signed has expired. {@code signing-key list}: the keys kept.
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
        return "rotate|list   make a new token-signing key current on every node / list the keys kept";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1 || !List.of("rotate", "list").contains(arguments.get(0))) {
            err.println("Usage: java -jar mfa-app.jar signing-key " + usage());
            return 2;
        }
        TwofoldConfiguration configuration = storage.configuration();
        if (configuration.signingKeyJwk().isDefined()) {
            err.println("MFA_SIGNING_KEY is set: the nodes sign with that key, not with the ones kept in the database."
                    + " Rotate it by giving every node the new key (tokens signed by the old one then stop verifying),"
                    + " or unset it to use keys kept in the database.");
            return 2;
        }
        try (JdbcStorage jdbc = storage.open(configuration)) {
            return arguments.get(0).equals("rotate") ? rotate(configuration, jdbc, out, err) : list(configuration, jdbc, out);
        }
    }

    private int rotate(TwofoldConfiguration configuration, JdbcStorage jdbc, PrintStream out, PrintStream err) {
        // One instant for the rotation and for what is said about it.
        Clock now = Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC);
        SigningKeys.Rotation rotation = SigningKeys.rotate(jdbc.signingKeys(), now, new SecureRandomSource(),
                configuration.keyRefresh().retiredKeysKept());
        if (!rotation.rotated()) {
            err.println("Another rotation came first: key " + rotation.current() + " is current. Nothing changed.");
            return 1;
        }
        out.println("Signing key " + rotation.current() + " is current.");
        rotation.previous().forEach(previous -> out.println("Key " + previous + " is retired: it stays in the JWKS and"
                + " verifies the tokens it signed until " + now.instant().plus(configuration.keyRefresh().retiredKeysKept())
                + "."));
        out.println("Every node signs with the new key within " + configuration.signingKeyRefresh()
                + " (MFA_SIGNING_KEY_REFRESH). Retired keys forgotten: " + rotation.dropped() + ".");
        return 0;
    }

    private int list(TwofoldConfiguration configuration, JdbcStorage jdbc, PrintStream out) {
        Instant forgetBefore = clock.instant().minus(configuration.keyRefresh().retiredKeysKept());
        for (KeptSigningKey kept : jdbc.signingKeys().all()) {
            out.println(kept.key().keyId() + "  created " + kept.key().createdAt() + "  " + kept.retiredAt()
                    .map(at -> "retired " + at + (at.isAfter(forgetBefore) ? ", verifies until "
                            + at.plus(configuration.keyRefresh().retiredKeysKept()) : ", no longer verifies"))
                    .getOrElse("current"));
        }
        return 0;
    }
}
