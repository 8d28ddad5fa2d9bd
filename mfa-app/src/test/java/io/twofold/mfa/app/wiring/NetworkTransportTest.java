package io.twofold.mfa.app.wiring;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NetworkTransportTest {

    @Test
    void theNativeEpollLibraryShipsAndLoadsOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the bundled epoll library is for Linux x86-64");

        assertThat(Epoll.isAvailable()).as("epoll unavailable: %s", Epoll.unavailabilityCause()).isTrue();
        assertThat(NetworkTransport.describe(true, Epoll.isAvailable(), Epoll.unavailabilityCause()))
                .isEqualTo("Netty's native epoll transport");
    }

    @Test
    void saysWhyItFallsBackToNio() {
        assertThat(NetworkTransport.describe(false, true, null)).isEqualTo("Java NIO (MFA_NATIVE_TRANSPORT=false)");
        assertThat(NetworkTransport.describe(true, false, new UncheckedIOException("noexec /tmp", new IOException())))
                .isEqualTo("Java NIO (Netty's epoll transport does not load here: UncheckedIOException: noexec /tmp)");
    }
}
