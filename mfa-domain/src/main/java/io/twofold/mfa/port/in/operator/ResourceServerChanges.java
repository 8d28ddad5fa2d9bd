package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.SigningAlgorithm;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/** What a PATCH of an API changes; an absent member keeps its value (the identifier never changes). */
public record ResourceServerChanges(Option<String> name, Option<List<ApiScope>> scopes, Option<Duration> tokenLifetime,
                                    Option<Boolean> allowOfflineAccess, Option<SigningAlgorithm> signingAlgorithm) {
}
