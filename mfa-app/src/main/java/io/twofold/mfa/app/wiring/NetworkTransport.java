package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.netty.channel.epoll.Epoll;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start-up which transport Netty's event loops use: epoll (Linux x86-64, the native library
 * shipped in the jar) unless {@code MFA_NATIVE_TRANSPORT=false} or the library cannot load, where it
 * says why (a {@code /tmp} mounted {@code noexec}, another architecture) and NIO serves instead.
 */
@Singleton
class NetworkTransport {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkTransport.class);

    private final boolean preferNative;

    NetworkTransport(@Value("${micronaut.netty.event-loops.default.prefer-native-transport:false}") boolean preferNative) {
        this.preferNative = preferNative;
    }

    @EventListener
    void report(StartupEvent started) {
        LOG.info("network I/O: {}", describe(preferNative, Epoll.isAvailable(), Epoll.unavailabilityCause()));
    }

    static String describe(boolean preferNative, boolean epollLoads, Throwable whyNot) {
        if (!preferNative) {
            return "Java NIO (MFA_NATIVE_TRANSPORT=false)";
        }
        if (epollLoads) {
            return "Netty's native epoll transport";
        }
        String cause = whyNot == null ? "unknown" : whyNot.getClass().getSimpleName() + ": " + whyNot.getMessage();
        return "Java NIO (Netty's epoll transport does not load here: " + cause + ")";
    }
}
