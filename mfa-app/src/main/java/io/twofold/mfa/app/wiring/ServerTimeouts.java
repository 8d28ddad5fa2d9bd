package io.twofold.mfa.app.wiring;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import jakarta.inject.Singleton;

/**
 * Hands {@code MFA_IDLE_TIMEOUT}, read and checked with the rest of the configuration, to the HTTP
 * server. Micronaut closes a connection only when it is idle both ways (its read-idle setting alone
 * closes nothing), so this is the setting that ends a half-sent request; its default is 5 minutes.
 */
@Singleton
class ServerTimeouts implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
    private final TwofoldConfiguration configuration;

    ServerTimeouts(TwofoldConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        server.setIdleTimeout(configuration.idleTimeout());
        return server;
    }
}
