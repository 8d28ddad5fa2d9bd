package com.example.host;

import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TokenRequest;
import io.vavr.control.Option;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The host's sessions: a completed login earns an opaque token that the host looks up on each request. */
public final class SessionTokens implements TokenIssuer {
    private final Map<String, UserId> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Override
    public IssuedTokens issue(TokenRequest request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, request.user().id());
        return new IssuedTokens(token, Option.none(), 3600, request.scope(), "Bearer");
    }

    public Option<UserId> userOf(String token) {
        return Option.of(sessions.get(token));
    }
}
