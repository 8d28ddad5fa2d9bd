package io.twofold.mfa.loadgen;

import io.twofold.mfa.jdbc.JdbcConfig;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.users.PasswordHashing;
import io.twofold.mfa.jdbc.users.hashes.Auth0PasswordHashes;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Enrollment;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.secret.SecureRandomSource;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Seeds the server's database through the app's own JDBC stores: the load client, users, confirmed
 * TOTP authenticators with seeds the generator can derive again, and ready-made MFA transactions
 * (what an mfa_token stands for), so that a measured phase can consist of mfa-otp grants alone; and,
 * for the client-credentials scenario, a machine client with a client grant for the Management API.
 */
final class Seeder implements AutoCloseable {
    /**
     * Users only ever driven through mfa-otp or enrollment never verify a password, so they get the
     * cheapest Argon2id parameters: seeding thousands of them then takes seconds, not many minutes.
     * Never measure password logins with them (the login pool has production parameters).
     */
    static final PasswordHashing CHEAP = new PasswordHashing(8, 1, 1, 16, 32);

    private static final java.security.SecureRandom SALTS = new java.security.SecureRandom();

    private final JdbcStorage storage;
    private final byte[] secretKey;
    private final SecretGenerator secrets = new SecretGenerator(new SecureRandomSource());

    Seeder(Options options, PasswordHashing hashing) {
        if (options.dbUrl().isEmpty() || options.secretKey().isEmpty()) {
            throw new IllegalArgumentException("seeding needs --db-url and --secret-key (the server's MFA_DB_URL and MFA_SECRET_KEY)");
        }
        this.secretKey = Base64.getDecoder().decode(options.secretKey());
        Keyring keyring = Keyring.ofBase64(options.secretKeyId(), Map.of(options.secretKeyId(), options.secretKey()));
        String url = options.dbUrl().startsWith("jdbc:h2:") && !options.dbUrl().toUpperCase().contains("MODE=")
                ? options.dbUrl() + JdbcStorage.H2_OPTIONS : options.dbUrl();
        this.storage = JdbcStorage.start(JdbcConfig.of(url, options.dbUser(), options.dbPassword(), keyring)
                .withMaxPoolSize(4).withPasswordHashing(hashing));
    }

    JdbcStorage storage() {
        return storage;
    }

    /**
     * Registers (or updates) a confidential client that requires MFA; returns its secret. The secret
     * is derived from the server's secret key, so every scenario of a run registers the same one:
     * the server caches client rows for 30 s and would refuse a fresh secret until then.
     */
    String client(String clientId) {
        String secret = clientSecret(clientId);
        storage.clients().upsertClient(new Client(new ClientId(clientId), "Twofold load generator", true,
                HashSet.of(GrantType.PASSWORD_REALM, GrantType.MFA_OTP), MfaPolicy.ALWAYS), Option.some(secret));
        return secret;
    }

    /**
     * Registers (or updates) a confidential machine client that may use {@code client_credentials},
     * and its client grant for {@code audience} with {@code scope}, as the bootstrap importer writes
     * one: the grant's id is derived from client and audience, an existing grant gets the scope.
     * Returns the client's secret (derived, as for {@link #client}).
     */
    String machineClient(String clientId, String audience, io.vavr.collection.List<String> scope) {
        String secret = clientSecret(clientId);
        ClientId id = new ClientId(clientId);
        storage.clients().upsertClient(new Client(id, "Twofold load generator (machine)", true,
                HashSet.of(GrantType.CLIENT_CREDENTIALS), MfaPolicy.NEVER), Option.some(secret));
        ClientGrantStore grants = storage.clientGrants();
        Option<ClientGrant> existing = grants.find(id, audience);
        if (existing.isDefined()) {
            grants.updateScope(existing.get().id(), scope);
            return secret;
        }
        String grantId = "cgr_" + SecretHash.of("twofold loadgen grant\u0000" + clientId + "\u0000" + audience).hex()
                .substring(0, 16);
        if (!grants.add(new ClientGrant(grantId, id, audience, scope))) {
            grants.find(id, audience).forEach(found -> grants.updateScope(found.id(), scope));
        }
        return secret;
    }

    private String clientSecret(String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            byte[] derived = mac.doFinal(("twofold-loadgen-client:" + clientId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Creates the users that are missing ({@code prefix-00001}...), each with an active TOTP and a recovery code when asked. */
    List<VirtualUser> users(String prefix, int count, String realm, boolean enrolled) {
        Instant now = Instant.now();
        // In parallel: an existing user costs one password verification, a new one a hash.
        return IntStream.rangeClosed(1, count).parallel().mapToObj(i -> {
            String username = String.format("%s-%06d", prefix, i);
            String password = "loadgen-password-" + username;
            UserId id = storage.users().upsertUser(realm, username, Option.none(), password);
            byte[] seed = Totps.seedFor(username);
            VirtualUser user = new VirtualUser(username, password, id, seed);
            if (enrolled) {
                Option<AuthenticatorId> active = storage.authenticators().findByUser(id)
                        .find(a -> a.isActive() && a.id().kind() == AuthenticatorKind.TOTP).map(a -> a.id());
                AuthenticatorId device = active.getOrElse(() -> {
                    AuthenticatorId enrolledNow = enroll(id, seed, now);
                    recoveryCode(id, now);
                    return enrolledNow;
                });
                // A code of an earlier run in this step would be refused as a replay: start after it.
                lastAcceptedStep(device).forEach(step -> user.lastStep = step);
            }
            return user;
        }).collect(Collectors.toList());
    }

    /**
     * Users as a bulk import from Auth0 leaves them: a bcrypt hash (cost 10, {@code $2b$}, as Auth0
     * exports) made here, and an active TOTP factor. Their first login checks bcrypt and moves the hash
     * to Argon2id; later ones verify Argon2id. New names every run, so every user starts on bcrypt.
     */
    List<VirtualUser> importedUsers(String prefix, int count, String realm) {
        Instant now = Instant.now();
        return IntStream.rangeClosed(1, count).parallel().mapToObj(i -> {
            String username = String.format("%s-%06d", prefix, i);
            String password = "loadgen-password-" + username;
            byte[] salt = new byte[16];
            SALTS.nextBytes(salt);
            String bcrypt = OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, 10);
            UserId id = Auth0PasswordHashes.fromPasswordHash(bcrypt)
                    .flatMap(hash -> storage.users().importUser(realm, username, Option.none(), hash, false))
                    .getOrElseThrow(reason -> new IllegalStateException("cannot import " + username + ": " + reason))
                    .id();
            byte[] seed = Totps.seedFor(username);
            enroll(id, seed, now);
            return new VirtualUser(username, password, id, seed);
        }).collect(Collectors.toList());
    }

    private AuthenticatorId enroll(UserId id, byte[] seed, Instant now) {
        AuthenticatorId device = new AuthenticatorId(AuthenticatorKind.TOTP, secrets.deviceId());
        storage.authenticators().add(new PendingAuthenticator(device, id, new Factor.Totp(new OtpSeed(seed)),
                now, now.plus(Duration.ofHours(1)), Enrollment.throughAccessToken()));
        storage.authenticators().activate(new ActiveAuthenticator(device, id, new Factor.Totp(new OtpSeed(seed)), now, now));
        return device;
    }

    /**
     * The recovery code a user enrolled through {@code /mfa/associate} has been handed: without it every
     * user's first mfa-otp grant would also make one (the first-factor recovery code), which a
     * long-enrolled user's grant never does.
     */
    private void recoveryCode(UserId id, Instant now) {
        storage.authenticators().addRecoveryCodeIfNone(new ActiveAuthenticator(
                new AuthenticatorId(AuthenticatorKind.RECOVERY_CODE, secrets.deviceId()), id,
                new Factor.RecoveryCode(SecretHash.of(secrets.recoveryCode())), now, now));
    }

    /** Read straight from the table: the store has no such read, since only its compare-and-set decides. */
    private Option<Long> lastAcceptedStep(AuthenticatorId device) {
        return storage.jdbi().withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT last_totp_step FROM authenticators WHERE id = :id AND last_totp_step IS NOT NULL")
                .bind("id", device.value())
                .mapTo(Long.class)
                .findOne()));
    }

    /** {@code perUser} fresh mfa_tokens for each user, as a password login would have made them (10 min life). */
    void transactions(List<VirtualUser> users, int perUser, String clientId, String realm, String scope) {
        Instant now = Instant.now();
        int batch = 500;
        for (int from = 0; from < users.size(); from += batch) {
            List<VirtualUser> slice = users.subList(from, Math.min(users.size(), from + batch));
            storage.unitOfWork().inTransaction(() -> {
                for (VirtualUser user : slice) {
                    for (int k = 0; k < perUser; k++) {
                        String token = secrets.opaqueToken();
                        storage.transactions().add(MfaTransaction.open(new TransactionId(secrets.internalId()),
                                SecretHash.of(token), user.id, new ClientId(clientId), Option.none(), Scope.parse(scope),
                                Option.some(realm), now, now.plus(Duration.ofMinutes(10))));
                        user.mfaTokens.add(token);
                    }
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        storage.close();
    }
}
