package io.twofold.mfa.model;

/** One code to deliver: the channel, the address, the code, and the text that carries it. */
public record OobMessage(OobChannel channel, String to, String code, String text) {
    @Override
    public String toString() {
        return "OobMessage[" + channel + ", code=***]";
    }
}
