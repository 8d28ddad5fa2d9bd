package io.twofold.mfa.port.in.operator;

import io.vavr.collection.List;

/** One page of a listing and how many items match in all (Auth0's {@code total}). */
public record Listing<T>(List<T> items, long total) {
}
