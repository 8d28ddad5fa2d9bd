package io.twofold.mfa.model;

import io.vavr.collection.List;

/** One page of a user search and how many users match in all. */
public record UserPage(List<UserProfile> users, long total) {
}
