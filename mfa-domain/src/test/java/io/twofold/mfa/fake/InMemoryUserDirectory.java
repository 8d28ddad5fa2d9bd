package io.twofold.mfa.fake;

import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link UserDirectory} of users added by tests. Each user belongs to one realm (connection);
 * an absent realm means {@link #DEFAULT_REALM}. A user logs in with the username or the email,
 * case-insensitively. Passwords are kept only as hashes and compared in constant time, and an
 * unknown user costs the same comparison as a wrong password.
 */
public final class InMemoryUserDirectory implements UserDirectory {

    public static final String DEFAULT_REALM = "Username-Password-Authentication";
    private static final SecretHash DUMMY = SecretHash.of("no such user");

    private record Account(String realm, User user, SecretHash passwordHash) {
    }

    private final ConcurrentMap<UserId, Account> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Account> byLogin = new ConcurrentHashMap<>();

    /** Adds a user with this password to the default realm. */
    public User add(User user, String password) {
        return add(DEFAULT_REALM, user, password);
    }

    /** Adds a user with this password to the named realm. */
    public User add(String realm, User user, String password) {
        Account account = new Account(realm, user, SecretHash.of(password));
        if (byId.putIfAbsent(user.id(), account) != null) {
            throw new IllegalStateException("duplicate user id " + user.id());
        }
        byLogin.put(loginKey(realm, user.username()), account);
        user.email().forEach(email -> byLogin.put(loginKey(realm, email.value()), account));
        return user;
    }

    /** Shorthand: a user {@code id} named {@code username} with email {@code username@example.com}. */
    public User add(String id, String username, String password) {
        return add(new User(new UserId(id), username, Option.of(new EmailAddress(username + "@example.com"))), password);
    }

    @Override
    public Option<User> authenticate(Option<String> realm, String username, String password) {
        Option<Account> account = Option.of(byLogin.get(loginKey(realm.getOrElse(DEFAULT_REALM), username)));
        SecretHash expected = account.map(Account::passwordHash).getOrElse(DUMMY);
        boolean matches = expected.matches(SecretHash.of(password == null ? "" : password));
        return matches ? account.map(Account::user) : Option.none();
    }

    @Override
    public Option<User> findById(UserId id) {
        return Option.of(byId.get(id)).map(Account::user);
    }

    @Override
    public String accountKey(Option<String> realm, String login) {
        String key = loginKey(realm.getOrElse(DEFAULT_REALM), login);
        return Option.of(byLogin.get(key)).map(account -> "user:" + account.user().id().value()).getOrElse("login:" + key);
    }

    /** As the JDBC directory: surrounding white space ignored, case folded. */
    private static String loginKey(String realm, String login) {
        return realm + "\u0000" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }
}
