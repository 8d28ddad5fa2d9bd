package io.twofold.mfa.fake;

import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryUserDirectoryTest {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

    @Test
    void authenticatesByUsernameOrEmailInTheDefaultRealm() {
        User alice = directory.add("user-alice", "alice", "pw-1");

        assertThat(directory.authenticate(Option.none(), "alice", "pw-1")).containsExactly(alice);
        assertThat(directory.authenticate(Option.some(InMemoryUserDirectory.DEFAULT_REALM), "Alice@Example.com", "pw-1"))
                .containsExactly(alice);
        assertThat(directory.findById(new UserId("user-alice"))).containsExactly(alice);
    }

    @Test
    void rejectsAWrongPasswordAnUnknownUserAndAnotherRealm() {
        directory.add("user-alice", "alice", "pw-1");
        User bob = directory.add("Corporate", new User(new UserId("user-bob"), "bob", Option.none()), "pw-2");

        assertThat(directory.authenticate(Option.none(), "alice", "pw-2")).isEmpty();
        assertThat(directory.authenticate(Option.none(), "nobody", "pw-1")).isEmpty();
        assertThat(directory.authenticate(Option.none(), "bob", "pw-2")).isEmpty();
        assertThat(directory.authenticate(Option.some("Corporate"), "bob", "pw-2")).containsExactly(bob);
    }
}
