package io.twofold.mfa.port.out;

/**
 * A store cannot be reached right now (the database is down, restarting or out of connections):
 * nothing was done, and the same request may succeed a moment later. An adapter throws it instead
 * of its driver's exception so the edge can answer "try again" rather than a server error.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
