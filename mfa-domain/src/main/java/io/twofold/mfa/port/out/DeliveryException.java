package io.twofold.mfa.port.out;

/** A sender could not deliver a code. Its message names the channel and the cause, never the code. */
public class DeliveryException extends RuntimeException {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
