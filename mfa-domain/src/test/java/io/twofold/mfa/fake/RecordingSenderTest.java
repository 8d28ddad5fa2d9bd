package io.twofold.mfa.fake;

import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.DeliveryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingSenderTest {
    private final RecordingSender sender = new RecordingSender();

    private static OobMessage sms(String code) {
        return new OobMessage(OobChannel.SMS, "+15551234567", code, "Your code is " + code);
    }

    @Test
    void keepsTheLastCodeSentToAnAddress() {
        sender.send(sms("111111"));
        sender.send(sms("222222"));
        sender.send(new OobMessage(OobChannel.EMAIL, "a@example.com", "333333", "Your code is 333333"));

        assertThat(sender.lastCodeTo("+15551234567")).isEqualTo("222222");
        assertThat(sender.messagesTo("a@example.com")).hasSize(1);
    }

    @Test
    void failsTheNextSendWithoutNamingTheCode() {
        sender.failNext();

        assertThatThrownBy(() -> sender.send(sms("444444")))
                .isInstanceOf(DeliveryException.class)
                .message().doesNotContain("444444");
        sender.send(sms("555555"));
        assertThat(sender.messages().map(OobMessage::code)).containsExactly("555555");
        assertThat(sender.failures()).isEqualTo(1);
    }

    @Test
    void failsEverySendUntilSwitchedOff() {
        sender.failAlways(true);
        assertThatThrownBy(() -> sender.send(sms("666666"))).isInstanceOf(DeliveryException.class);
        assertThatThrownBy(() -> sender.send(sms("777777"))).isInstanceOf(DeliveryException.class);
        sender.failAlways(false);
        sender.send(sms("888888"));

        assertThat(sender.messages().map(OobMessage::code)).containsExactly("888888");
    }
}
