package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.FactorRef;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.NewFactor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.operator.FactorAdministration;
import io.twofold.mfa.port.in.operator.FactorChange;
import io.twofold.mfa.port.in.operator.FactorRequest;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.secret.internal.RecoveryCodes;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * A user's factors for an operator. A factor an operator adds is active at once (Auth0: "auto
 * confirmed"), its TOTP seed sealed by the store like any other; it brings no recovery code (Auth0
 * adds none either): the user gets one from {@link #regenerateRecoveryCode} or with their next own
 * enrollment. Every write is one unit of work with its audit events.
 */
record FactorAdministrationService(UserDirectory users, AuthenticatorStore authenticators, FactorRemoval removal,
        FactorImport imports, SecretGenerator secrets, UnitOfWork unitOfWork, AuditTrail audit, Clock clock)
        implements FactorAdministration {
    static final String CREATED = "mgmt.authentication_method.created";
    static final String UPDATED = "mgmt.authentication_method.updated";
    static final String RECOVERY_CODE_REGENERATED = "mgmt.recovery_code.regenerated";
    static final String REMEMBERED_BROWSERS_INVALIDATED = "mgmt.user.remembered_browsers_invalidated";
    static final String GOOGLE_AUTHENTICATOR = "google-authenticator";
    static final String DUO = "duo";
    /** More than any real user has; a bound on the work one request can ask for. */
    static final int MAX_REPLACEMENTS = 20;

    @Override
    public Either<OperatorError, List<ManagedFactor>> list(UserId user, boolean includePending) {
        return existing(user).map(u -> views(user, includePending));
    }

    @Override
    public Either<OperatorError, ManagedFactor> find(UserId user, String factorId) {
        return existing(user).flatMap(u -> named(user, factorId));
    }

    @Override
    public Either<OperatorError, ManagedFactor> add(ClientId actor, UserId user, FactorRequest request) {
        return existing(user).flatMap(u -> imports.admit(request))
                .map(factor -> unitOfWork.inTransaction(() -> create(actor, user, factor)));
    }

    @Override
    public Either<OperatorError, List<ManagedFactor>> replaceAll(ClientId actor, UserId user, List<FactorRequest> requests) {
        if (requests.size() > MAX_REPLACEMENTS) {
            return Either.left(new OperatorError.InvalidInput("at most " + MAX_REPLACEMENTS + " authentication methods"));
        }
        return existing(user)
                .flatMap(u -> Either.sequenceRight(requests.map(imports::admit)).map(List::ofAll))
                .map(factors -> unitOfWork.inTransaction(() -> {
                    removal.remove(actor, user, authenticators.findByUser(user),
                            id -> !FactorRemoval.isRecoveryCode(id) || factors.isEmpty(), factors.nonEmpty());
                    return factors.map(factor -> create(actor, user, factor));
                }));
    }

    @Override
    public Either<OperatorError, ManagedFactor> update(ClientId actor, UserId user, String factorId, FactorChange change) {
        return existing(user).flatMap(u -> named(user, factorId)).flatMap(factor -> FactorImport.name(change.name())
                .flatMap(name -> channel(factor, change.preferredMethod()).map(channel -> unitOfWork.inTransaction(() -> {
                    channel.forEach(c -> moveTo(actor, factor, c));
                    FactorRef ref = new FactorRef(Option.some(factor.type()), factor.device());
                    if (change.name().isDefined()) {
                        authenticators.rename(user, authenticators.findByUser(user).map(Authenticator::id)
                                .filter(ref::names), name);
                    }
                    audit.record(UPDATED, user, actor, "authentication_method", factor.authenticators().head().value());
                    return FactorViews.find(views(user, true), ref).get();
                }))));
    }

    private static Either<OperatorError, Option<OobChannel>> channel(ManagedFactor factor, Option<String> preferred) {
        if (preferred.isEmpty()) {
            return Either.right(Option.none());
        }
        if (factor.type() != FactorType.PHONE) {
            return Either.left(new OperatorError.InvalidInput(
                    "preferred_authentication_method applies to phone authentication methods only"));
        }
        return FactorImport.phoneChannel(preferred.get()).map(Option::some);
    }

    @Override
    public Either<OperatorError, Integer> remove(ClientId actor, UserId user, String factorId) {
        return existing(user).flatMap(u -> named(user, factorId)).map(factor -> unitOfWork.inTransaction(() ->
                removal.remove(actor, user, authenticators.findByUser(user), factor.authenticators()::contains).size()));
    }

    @Override
    public Either<OperatorError, Integer> removeAll(ClientId actor, UserId user) {
        return existing(user).map(u -> unitOfWork.inTransaction(() ->
                removal.remove(actor, user, authenticators.findByUser(user), id -> true).size()));
    }

    @Override
    public Either<OperatorError, Integer> removeProvider(ClientId actor, UserId user, String provider) {
        return existing(user).flatMap(u -> {
            if (DUO.equals(provider)) {
                return Either.right(0); // Twofold has no Duo factors: nothing to remove.
            }
            if (!GOOGLE_AUTHENTICATOR.equals(provider)) {
                return Either.left(new OperatorError.InvalidInput("provider must be google-authenticator or duo"));
            }
            return Either.right(unitOfWork.inTransaction(() -> removal.remove(actor, user,
                    authenticators.findByUser(user), id -> id.kind() == AuthenticatorKind.TOTP).size()));
        });
    }

    @Override
    public Either<OperatorError, String> regenerateRecoveryCode(ClientId actor, UserId user) {
        return existing(user).flatMap(u -> unitOfWork.inTransaction(() -> {
            List<Authenticator> all = authenticators.findByUser(user);
            Instant now = clock.instant();
            if (!new UserFactors(all, now).hasActiveReal()) {
                return Either.left(new OperatorError.InvalidInput(
                        "The user has no confirmed MFA factor; a recovery code stands in for one"));
            }
            // A new id as well as a new code: the old code is gone with its row, used or not.
            String code = secrets.recoveryCode();
            AuthenticatorId id = new AuthenticatorId(AuthenticatorKind.RECOVERY_CODE, secrets.deviceId());
            authenticators.resetRecoveryCode(new ActiveAuthenticator(id, user,
                    new Factor.RecoveryCode(SecretHash.of(RecoveryCodes.normalize(code).get())), now, now));
            audit.record(RECOVERY_CODE_REGENERATED, user, actor, "authentication_method", id.value());
            return Either.right(code);
        }));
    }

    @Override
    public Either<OperatorError, UserId> forgetRememberedBrowsers(ClientId actor, UserId user) {
        return existing(user).peek(u -> audit.record(REMEMBERED_BROWSERS_INVALIDATED, user, actor));
    }

    private Either<OperatorError, UserId> existing(UserId user) {
        return users.findById(user).isDefined() ? Either.right(user) : Either.left(new OperatorError.UnknownUser());
    }

    private List<ManagedFactor> views(UserId user, boolean includePending) {
        return FactorViews.of(authenticators.findByUser(user), authenticators.notesByUser(user), clock.instant(),
                includePending);
    }

    /** The factor the id names, pending ones included: an operator may remove a stuck enrollment. */
    private Either<OperatorError, ManagedFactor> named(UserId user, String factorId) {
        return FactorRef.parse(factorId).flatMap(ref -> FactorViews.find(views(user, true), ref))
                .toEither(OperatorError.UnknownAuthenticationMethod::new);
    }

    private ManagedFactor create(ClientId actor, UserId user, NewFactor factor) {
        Instant now = clock.instant();
        Factor stored = factor.factor();
        AuthenticatorId id = new AuthenticatorId(stored.kind(), secrets.deviceId());
        authenticators.addConfirmed(new ActiveAuthenticator(id, user, stored, now, now), factor.name());
        audit.record(CREATED, user, actor, "authentication_method", id.value());
        return new ManagedFactor(user, FactorType.of(id.kind()), id.device(), true, List.of(id),
                stored instanceof Factor.Oob oob ? Option.some(oob.address()) : Option.none(), factor.name(), now,
                Option.some(now), Option.none());
    }

    /**
     * A phone's channel is where its authenticators point: moving to the other one adds that
     * channel's authenticator (same device part, so the phone keeps its ids) and removes the rest.
     */
    private void moveTo(ClientId actor, ManagedFactor phone, OobChannel channel) {
        AuthenticatorKind kind = AuthenticatorKind.of(channel);
        UserId user = phone.user();
        AuthenticatorId target = new AuthenticatorId(kind, phone.device());
        if (!phone.authenticators().contains(target)) {
            Instant now = clock.instant();
            authenticators.addConfirmed(new ActiveAuthenticator(target, user,
                    Factor.Oob.phone(channel, new PhoneNumber(phone.address().get())), phone.createdAt(), now), phone.name());
        }
        removal.remove(actor, user, authenticators.findByUser(user),
                id -> phone.authenticators().contains(id) && !id.equals(target));
    }
}
