package io.twofold.mfa.port.in;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.OobChannel;
import io.vavr.control.Option;

/** One row of the authenticator list: no secret, a masked name for out-of-band factors. */
public record AuthenticatorView(AuthenticatorId id, String authenticatorType, boolean active,
                                Option<OobChannel> oobChannel, Option<String> name) {
}
