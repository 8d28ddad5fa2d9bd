package io.twofold.mfa.memory;

import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Password;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Users in a map, for tests and embedding without a database: the operator's view
 * ({@link UserAccounts}) and the first factor ({@link UserDirectory}) over the same users, so a
 * block or a new password counts at the next login. Passwords are kept only as hashes. Every
 * method holds this object's lock, which makes the uniqueness checks atomic. Held in this JVM only.
 */
public final class InMemoryUserAccounts implements UserAccounts, UserDirectory {
    public static final String DEFAULT_CONNECTION = "Username-Password-Authentication";
    private static final SecretHash DUMMY = SecretHash.of("no such user");

    private record Account(UserProfile profile, SecretHash password) {
    }

    private final Map<UserId, Account> accounts = new LinkedHashMap<>();

    @Override
    public synchronized Outcome add(UserProfile profile, Password password) {
        if (accounts.containsKey(profile.id()) || clashes(profile)) {
            return Outcome.DUPLICATE;
        }
        accounts.put(profile.id(), new Account(profile, SecretHash.of(password.value())));
        return Outcome.SAVED;
    }

    @Override
    public synchronized Option<UserProfile> find(UserId id) {
        return Option.of(accounts.get(id)).map(Account::profile);
    }

    @Override
    public synchronized UserPage search(UserQuery query, UserSort sort, int offset, int limit) {
        List<UserProfile> matches = List.ofAll(accounts.values()).map(Account::profile)
                .filter(profile -> UserMatcher.matches(query, profile))
                .sorted(order(sort));
        return new UserPage(matches.drop(offset).take(limit), matches.size());
    }

    @Override
    public synchronized boolean knowsConnection(String connection) {
        return DEFAULT_CONNECTION.equals(connection)
                || accounts.values().stream().anyMatch(a -> a.profile().connection().equals(connection));
    }

    @Override
    public synchronized Outcome update(UserProfile profile, Option<Password> newPassword) {
        Account current = accounts.get(profile.id());
        if (current == null) {
            return Outcome.MISSING;
        }
        if (clashes(profile)) {
            return Outcome.DUPLICATE;
        }
        accounts.put(profile.id(), new Account(profile,
                newPassword.map(p -> SecretHash.of(p.value())).getOrElse(current.password())));
        return Outcome.SAVED;
    }

    @Override
    public synchronized boolean remove(UserId id) {
        return accounts.remove(id) != null;
    }

    @Override
    public synchronized Option<User> authenticate(Option<String> realm, String username, String password) {
        Option<Account> account = byLogin(realm.getOrElse(DEFAULT_CONNECTION), username);
        boolean matches = account.map(Account::password).getOrElse(DUMMY)
                .matches(SecretHash.of(password == null ? "" : password));
        return matches ? account.map(a -> a.profile().asUser()) : Option.none();
    }

    @Override
    public synchronized Option<User> findById(UserId id) {
        return find(id).map(UserProfile::asUser);
    }

    @Override
    public synchronized String accountKey(Option<String> realm, String login) {
        String connection = realm.getOrElse(DEFAULT_CONNECTION);
        return byLogin(connection, login).map(a -> "user:" + a.profile().id().value())
                .getOrElse(() -> "login:" + connection + "\u0000" + fold(login));
    }

    private Option<Account> byLogin(String connection, String login) {
        String key = fold(login);
        List<Account> candidates = List.ofAll(accounts.values()).filter(a -> a.profile().connection().equals(connection));
        // A username match wins over another user's email that reads the same, as in the JDBC directory.
        return candidates.find(a -> a.profile().username().map(InMemoryUserAccounts::fold).contains(key))
                .orElse(() -> candidates.find(a -> a.profile().email().map(e -> fold(e.value())).contains(key)));
    }

    private boolean clashes(UserProfile profile) {
        return accounts.values().stream().map(Account::profile)
                .filter(other -> !other.id().equals(profile.id()) && other.connection().equals(profile.connection()))
                .anyMatch(other -> sameText(other.username(), profile.username())
                        || sameText(other.email().map(EmailAddress::value), profile.email().map(EmailAddress::value)));
    }

    private static boolean sameText(Option<String> a, Option<String> b) {
        return a.isDefined() && b.isDefined() && fold(a.get()).equals(fold(b.get()));
    }

    private static String fold(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    private static Comparator<UserProfile> order(UserSort sort) {
        Comparator<UserProfile> byKey = Comparator.comparing(p -> UserMatcher.sortValue(sort.key(), p),
                Comparator.nullsLast(Comparator.naturalOrder()));
        if (!sort.ascending()) {
            byKey = Comparator.comparing((UserProfile p) -> UserMatcher.sortValue(sort.key(), p),
                    Comparator.nullsFirst(Comparator.<String>naturalOrder().reversed()));
        }
        return byKey.thenComparing(p -> p.id().value());
    }
}
