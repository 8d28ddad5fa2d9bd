package io.twofold.mfa.app.metrics;

import io.twofold.mfa.port.out.TransactionStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metering decorator must pass every call of the port to the store it wraps, the port's default
 * methods included: a default left to itself runs the port's generic two-call version and bypasses
 * the store's own (one statement on PostgreSQL instead of two, for the reservation and the completion).
 */
class CompletionMetersTest {

    @Test
    void overridesEveryMethodOfTheTransactionStorePort() {
        var notOverridden = Arrays.stream(TransactionStore.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !declares(CompletionMeters.class, method))
                .map(Method::toString)
                .toList();

        assertThat(notOverridden).isEmpty();
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
