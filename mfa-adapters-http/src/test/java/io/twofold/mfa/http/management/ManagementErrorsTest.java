package io.twofold.mfa.http.management;

import io.twofold.mfa.error.OperatorError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every {@link OperatorError} record has its Management API answer: status, message and code. */
class ManagementErrorsTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments(new OperatorError.InvalidInput("Payload validation error: 'x'."), 400,
                        "Payload validation error: 'x'.", "invalid_body"),
                arguments(new OperatorError.UnknownUser(), 404, "The user does not exist.", "inexistent_user"),
                arguments(new OperatorError.UnknownAuthenticationMethod(), 404, "Authentication method not found",
                        "inexistent_authentication_method"),
                arguments(new OperatorError.UnknownEnrollment(), 404, "Enrollment not found", "enrollment_not_found"),
                arguments(new OperatorError.UnknownClient(), 404, "The client does not exist", "inexistent_client"),
                arguments(new OperatorError.UnknownClientCredential(), 404, "The credential does not exist",
                        "inexistent_client_credential"),
                arguments(new OperatorError.UnknownClientGrant(), 404, "The grant does not exist.", "inexistent_client_grant"),
                arguments(new OperatorError.UnknownResourceServer(), 404, "The resource server does not exist",
                        "inexistent_resource_server"),
                arguments(new OperatorError.UnknownLogEvent(), 404, "The log event does not exist", "inexistent_log"),
                arguments(new OperatorError.UnknownFactor("x"), 404, "The factor does not exist", "inexistent_factor"),
                arguments(new OperatorError.UnservedFactor("duo"), 400,
                        "Twofold cannot serve the factor duo; it can only be disabled.", "invalid_body"),
                arguments(new OperatorError.UnsupportedMfaPolicy("confidence-score"), 400,
                        "Twofold does not support the MFA policy confidence-score; use [] or [\"all-applications\"].",
                        "invalid_body"),
                arguments(new OperatorError.ClientGrantExists(), 409,
                        "A client grant for this client and audience already exists.", "client_grant_conflict"),
                arguments(new OperatorError.ResourceServerExists(), 409,
                        "A resource server with the same identifier already exists", "resource_server_conflict"),
                arguments(new OperatorError.SystemResourceServer(), 403, "The built-in APIs (the Management API, the MFA"
                        + " API) cannot be changed or deleted", "operation_not_supported"),
                arguments(new OperatorError.UserAlreadyExists(), 409, "The user already exists.", "auth0_idp_error"),
                arguments(new OperatorError.UnknownConnection(), 400, "The connection does not exist.", "inexistent_connection"),
                arguments(new OperatorError.WeakPassword("shorter than 8 characters"), 400,
                        "PasswordStrengthError: Password is too weak", "invalid_body"));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void mapsEachOutcome(OperatorError error, int status, String message, String errorCode) {
        ManagementError answer = ManagementErrors.map(error);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.message()).isEqualTo(message);
        assertThat(answer.errorCode().getOrNull()).isEqualTo(errorCode);
    }

    @Test
    void theTableAboveCoversEveryRecord() {
        Set<Class<?>> tested = answers().map(arguments -> arguments.get()[0].getClass()).collect(Collectors.toSet());

        assertThat(tested).containsExactlyInAnyOrder(OperatorError.class.getPermittedSubclasses());
    }

    @Test
    void everyRecordMapsWithoutFailing() throws Exception {
        for (Class<?> type : OperatorError.class.getPermittedSubclasses()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = Arrays.stream(components).map(c -> c.getType() == String.class ? "x" : null).toArray();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            OperatorError error = (OperatorError) type.getDeclaredConstructor(types).newInstance(values);

            assertThat(ManagementErrors.map(error).status()).as(type.getSimpleName()).isBetween(400, 499);
        }
    }
}
