package io.twofold.mfa.app.metrics;

import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.OobSender;

/** Times one delivery through a sender and counts it as {@code delivered} or {@code failed} (it threw). */
final class DeliveryTimer {
    private DeliveryTimer() {
    }

    static void send(TwofoldMeters meters, OobSender sender, OobMessage message) {
        String channel = message.channel().wireName();
        long started = System.nanoTime();
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            meters.delivery(channel, "failed", System.nanoTime() - started);
            throw e;
        }
        meters.delivery(channel, "delivered", System.nanoTime() - started);
    }
}
