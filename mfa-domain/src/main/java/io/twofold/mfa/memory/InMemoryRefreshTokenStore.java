package io.twofold.mfa.memory;

import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshFamilyId;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link RefreshTokenStore} in two maps behind one lock: a rotation reads and writes a token and
 * its family together, which per-entry atomicity cannot give. Tokens are kept only as hashes. Held
 * in this JVM only.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private record Token(RefreshFamilyId family, boolean retired) {
    }

    private final Map<SecretHash, Token> tokens = new HashMap<>();
    private final Map<RefreshFamilyId, RefreshFamily> families = new HashMap<>();

    @Override
    public synchronized void open(RefreshFamily family, SecretHash firstToken) {
        if (families.containsKey(family.id()) || tokens.containsKey(firstToken)) {
            throw new IllegalStateException("duplicate refresh family or token " + family.id());
        }
        families.put(family.id(), family);
        tokens.put(firstToken, new Token(family.id(), false));
    }

    @Override
    public synchronized Option<PresentedRefreshToken> find(SecretHash tokenHash) {
        return Option.of(tokens.get(tokenHash))
                .flatMap(token -> Option.of(families.get(token.family()))
                        .map(family -> new PresentedRefreshToken(tokenHash, family, token.retired())));
    }

    @Override
    public synchronized boolean rotate(SecretHash presented, SecretHash next, Instant at, Option<Instant> idleExpiresAt) {
        Token token = tokens.get(presented);
        if (token == null || token.retired() || tokens.containsKey(next)) {
            return false;
        }
        RefreshFamily family = families.get(token.family());
        if (family == null || family.isRevoked()) {
            return false;
        }
        tokens.put(presented, new Token(token.family(), true));
        tokens.put(next, new Token(token.family(), false));
        families.put(family.id(), withIdleExpiry(family, idleExpiresAt));
        return true;
    }

    @Override
    public synchronized boolean touch(RefreshFamilyId id, Option<Instant> idleExpiresAt) {
        RefreshFamily family = families.get(id);
        if (family == null || family.isRevoked()) {
            return false;
        }
        families.put(id, withIdleExpiry(family, idleExpiresAt));
        return true;
    }

    @Override
    public synchronized boolean revokeFamily(RefreshFamilyId id, Instant at) {
        RefreshFamily family = families.get(id);
        if (family == null || family.isRevoked()) {
            return false;
        }
        families.put(id, revoked(family, at));
        return true;
    }

    @Override
    public synchronized int revokeUser(UserId user, Instant at) {
        int revoked = 0;
        for (RefreshFamily family : families.values().stream().toList()) {
            if (family.userId().equals(user) && !family.isRevoked()) {
                families.put(family.id(), revoked(family, at));
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized int removeExpired(Instant cutoff) {
        var dead = families.values().stream()
                .filter(f -> f.revokedAt().exists(at -> at.isBefore(cutoff))
                        || f.expiresAt().exists(at -> at.isBefore(cutoff))
                        || f.idleExpiresAt().exists(at -> at.isBefore(cutoff)))
                .map(RefreshFamily::id)
                .toList();
        dead.forEach(families::remove);
        tokens.values().removeIf(token -> dead.contains(token.family()));
        return dead.size();
    }

    private static RefreshFamily withIdleExpiry(RefreshFamily f, Option<Instant> idleExpiresAt) {
        return new RefreshFamily(f.id(), f.userId(), f.clientId(), f.audience(), f.scope(), f.mfaPassed(),
                f.createdAt(), f.expiresAt(), idleExpiresAt, f.revokedAt());
    }

    private static RefreshFamily revoked(RefreshFamily f, Instant at) {
        return new RefreshFamily(f.id(), f.userId(), f.clientId(), f.audience(), f.scope(), f.mfaPassed(),
                f.createdAt(), f.expiresAt(), f.idleExpiresAt(), Option.some(at));
    }
}
