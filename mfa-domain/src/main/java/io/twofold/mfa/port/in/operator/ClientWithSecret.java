package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.ManagedClient;
import io.vavr.control.Option;

/** A client and, right after it was generated or set, its secret: the only time anyone sees it (only its hash is kept). */
public record ClientWithSecret(ManagedClient client, Option<String> secret) {
    @Override
    public String toString() {
        return "ClientWithSecret[" + client.id() + ", secret=" + (secret.isDefined() ? "***" : "none") + "]";
    }
}
