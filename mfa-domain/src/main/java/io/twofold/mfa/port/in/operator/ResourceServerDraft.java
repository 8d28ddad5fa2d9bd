package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.SigningAlgorithm;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * An API to register: its identifier (the audience tokens name), name, scopes, token lifetime (default
 * 86,400 s), offline access, the algorithm of its access tokens (default RS256).
 */
public record ResourceServerDraft(String identifier, Option<String> name, List<ApiScope> scopes,
                                  Option<Duration> tokenLifetime, boolean allowOfflineAccess,
                                  Option<SigningAlgorithm> signingAlgorithm) {
}
