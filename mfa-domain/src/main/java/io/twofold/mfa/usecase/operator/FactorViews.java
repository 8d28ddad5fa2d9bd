package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorNotes;
import io.twofold.mfa.model.FactorRef;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.Factor;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Comparator;

/**
 * Groups a user's authenticators into the factors an operator sees: one per type and device part
 * (a phone's SMS and voice authenticators are one factor), oldest first. Expired pending
 * enrollments are left out everywhere, as on the MFA API.
 */
final class FactorViews {

    private FactorViews() {
    }

    /** The factors of these authenticators: confirmed ones, and live pending ones when {@code includePending}. */
    static List<ManagedFactor> of(List<Authenticator> all, Map<AuthenticatorId, AuthenticatorNotes> notes,
                                  Instant now, boolean includePending) {
        List<Authenticator> shown = all.filter(a -> a.isActive()
                || includePending && !((PendingAuthenticator) a).isExpired(now));
        return shown.groupBy(FactorViews::key)
                .map(group -> view(group._2, notes))
                .toList()
                .sorted(Comparator.comparing(ManagedFactor::createdAt)
                        .thenComparing(f -> shown.indexWhere(a -> a.id().device().equals(f.device()))));
    }

    /** The one factor {@code ref} names among these, if any. */
    static Option<ManagedFactor> find(List<ManagedFactor> factors, FactorRef ref) {
        return factors.find(f -> f.device().equals(ref.device()) && ref.type().forAll(t -> t == f.type()));
    }

    private static Tuple2<FactorType, String> key(Authenticator a) {
        return Tuple.of(FactorType.of(a.id().kind()), a.id().device());
    }

    private static ManagedFactor view(List<Authenticator> group, Map<AuthenticatorId, AuthenticatorNotes> notes) {
        Authenticator first = group.head();
        List<AuthenticatorNotes> noted = group.map(a -> notes.get(a.id()).getOrElse(AuthenticatorNotes.NONE));
        Option<ActiveAuthenticator> active = group.find(Authenticator::isActive).map(ActiveAuthenticator.class::cast);
        return new ManagedFactor(first.userId(), FactorType.of(first.id().kind()), first.id().device(),
                active.isDefined(), group.map(Authenticator::id),
                first.factor() instanceof Factor.Oob oob ? Option.some(oob.address()) : Option.none(),
                noted.flatMap(AuthenticatorNotes::name).headOption(),
                group.map(Authenticator::createdAt).min().get(),
                active.map(ActiveAuthenticator::confirmedAt),
                noted.flatMap(AuthenticatorNotes::lastUsedAt).max());
    }
}
