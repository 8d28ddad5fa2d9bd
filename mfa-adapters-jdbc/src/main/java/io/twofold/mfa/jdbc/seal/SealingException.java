package io.twofold.mfa.jdbc.seal;

/**
 * A sealed value could not be opened (unknown key id, wrong key, wrong associated data, or
 * tampering). The message names the key id, never the value.
 */
public class SealingException extends RuntimeException {
    public SealingException(String message) {
        super(message);
    }

    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
