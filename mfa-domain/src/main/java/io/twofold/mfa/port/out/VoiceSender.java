package io.twofold.mfa.port.out;

/** Reads one-time codes out in a voice call. */
public interface VoiceSender extends OobSender {
}
