package io.twofold.mfa.http.api;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Lets {@code DELETE /mfa/authenticators/sms|dev_...} through with a raw '|' (spec 2.5 says to accept
 * it): the framework refuses such a URI as malformed, so '|' is escaped to %7C right after the HTTP/1
 * decoder, before the request is parsed. SDKs send %7C themselves; this is for hand-written calls.
 */
@Singleton
public class RawBarUris implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String HANDLER_NAME = "twofold-raw-bar-uri";
    private static final ChannelHandler ESCAPER = new Escaper();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME, ESCAPER);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Escaper extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.uri().indexOf('|') >= 0) {
                request.setUri(request.uri().replace("|", "%7C"));
            }
            ctx.fireChannelRead(msg);
        }
    }
}
