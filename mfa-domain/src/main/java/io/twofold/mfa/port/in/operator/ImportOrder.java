package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.UsersFileFormat;
import io.vavr.control.Option;

/**
 * What an operator asks of a bulk import: the connection (its name or its {@code con_} id), the file's
 * format, whether existing users are updated, an id of the caller's own, and whether to wait for the end.
 */
public record ImportOrder(String connection, UsersFileFormat format, boolean upsert, Option<String> externalId,
                          boolean waitForEnd) {
}
