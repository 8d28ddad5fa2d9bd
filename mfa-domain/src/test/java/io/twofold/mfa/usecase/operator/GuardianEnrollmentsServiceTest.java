package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.testing.SeededRandomSource;
import io.twofold.mfa.usecase.MfaTestbed;
import org.junit.jupiter.api.Test;

import static io.twofold.mfa.usecase.operator.FactorAdministrationServiceTest.OPERATOR;
import static io.twofold.mfa.usecase.operator.FactorAdministrationServiceTest.SECRET;
import static io.twofold.mfa.usecase.operator.FactorAdministrationServiceTest.email;
import static io.twofold.mfa.usecase.operator.FactorAdministrationServiceTest.totp;
import static org.assertj.core.api.Assertions.assertThat;

class GuardianEnrollmentsServiceTest {
    final MfaTestbed bed = new MfaTestbed();
    final UserId alice = bed.alice.id();
    final FactorOperations operations = FactorOperations.of(bed.users, bed.authenticators, bed.challenges,
            bed.unitOfWork, bed.audit, new SeededRandomSource(7), CallingCodes.ANY, bed.clock);

    @Test
    void listsEveryConfirmedFactorButTheRecoveryCode() {
        bed.enrolledTotp();
        operations.factors().add(OPERATOR, alice, email("alice@example.com"));

        assertThat(operations.enrollments().ofUser(alice).get().map(ManagedFactor::type))
                .containsExactly(FactorType.OTP, FactorType.EMAIL);
        assertThat(operations.enrollments().ofUser(new UserId("nobody")).getLeft()).isEqualTo(new OperatorError.UnknownUser());
    }

    @Test
    void findsAndRemovesAnEnrollmentByItsBareId() {
        ManagedFactor totp = operations.factors().add(OPERATOR, alice, totp(SECRET)).get();

        assertThat(operations.enrollments().find(totp.device()).get().user()).isEqualTo(alice);
        assertThat(operations.enrollments().remove(OPERATOR, totp.device()).get()).isEqualTo(1);
        assertThat(operations.enrollments().find(totp.device()).getLeft()).isEqualTo(new OperatorError.UnknownEnrollment());
        assertThat(operations.enrollments().remove(OPERATOR, "dev_nope").getLeft())
                .isEqualTo(new OperatorError.UnknownEnrollment());
    }
}
