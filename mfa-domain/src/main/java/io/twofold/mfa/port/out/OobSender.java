package io.twofold.mfa.port.out;

import io.twofold.mfa.model.OobMessage;

/**
 * Delivers a one-time code out of band. Throws {@link DeliveryException} when the code was not
 * delivered, so the caller can leave no usable challenge behind.
 */
public interface OobSender {

    /** Delivers {@code message} (its code in its text) to its address, or throws {@link DeliveryException}. */
    void send(OobMessage message);
}
