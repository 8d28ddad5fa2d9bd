package io.twofold.mfa.fake;

import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.VoiceSender;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sender for every channel that keeps each delivered message, so a test can read the code the
 * user would have received. It can be told to fail, to test what a failed delivery leaves behind.
 */
public final class RecordingSender implements SmsSender, VoiceSender, EmailSender {

    private final CopyOnWriteArrayList<OobMessage> delivered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private final AtomicBoolean failAlways = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public void send(OobMessage message) {
        if (failAlways.get() || failNext.getAndSet(false)) {
            failures.incrementAndGet();
            // Like a real sender, the message names the channel but never the code.
            throw new DeliveryException(message.channel().wireName() + " delivery failed (test sender told to fail)");
        }
        delivered.add(message);
    }

    /** The next send throws {@link DeliveryException}; later ones succeed again. */
    public void failNext() {
        failNext.set(true);
    }

    /** Every send throws {@link DeliveryException} until switched off. */
    public void failAlways(boolean fail) {
        failAlways.set(fail);
    }

    /** Every delivered message, oldest first (failed sends are not in it). */
    public List<OobMessage> messages() {
        return List.ofAll(delivered);
    }

    public List<OobMessage> messagesTo(String address) {
        return messages().filter(message -> message.to().equals(address));
    }

    /** The code of the last message delivered to this address; fails the test when there is none. */
    public String lastCodeTo(String address) {
        return lastMessageTo(address)
                .getOrElseThrow(() -> new AssertionError("no message was delivered to " + address))
                .code();
    }

    public Option<OobMessage> lastMessageTo(String address) {
        return messagesTo(address).lastOption();
    }

    /** How many sends were refused because the sender was told to fail. */
    public int failures() {
        return failures.get();
    }
}
