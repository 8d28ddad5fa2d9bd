package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.model.UserId;

/** A user an import wrote: its id, and whether the import created it (else it updated an existing one). */
public record ImportedUser(UserId id, boolean created) {
}
