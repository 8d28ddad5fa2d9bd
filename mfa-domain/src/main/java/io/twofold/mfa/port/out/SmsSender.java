package io.twofold.mfa.port.out;

/** Sends one-time codes by SMS. */
public interface SmsSender extends OobSender {
}
