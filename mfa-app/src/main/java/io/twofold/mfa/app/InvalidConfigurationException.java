package io.twofold.mfa.app;

/**
 * The server cannot start with the configuration it was given. The message names the setting and
 * what is wrong with it, never the value of a secret.
 */
public class InvalidConfigurationException extends RuntimeException {
    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
