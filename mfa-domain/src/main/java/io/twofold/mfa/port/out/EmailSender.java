package io.twofold.mfa.port.out;

/** Sends one-time codes by email. */
public interface EmailSender extends OobSender {
}
