package com.example.host;

import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Option;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The host's own accounts (here a map; any store of the host's): Twofold asks them for the first factor. */
public final class HostUsers implements UserDirectory {
    private record Account(User user, byte[] salt, byte[] hash) {
    }

    private final Map<String, Account> byLogin = new ConcurrentHashMap<>();
    private final Map<UserId, User> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public User add(String login, String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        User user = new User(new UserId("host|" + UUID.randomUUID()), key(login), Option.none());
        byLogin.put(key(login), new Account(user, salt, hash(password, salt)));
        byId.put(user.id(), user);
        return user;
    }

    /** One realm: the realm is not asked. An unknown user costs the same PBKDF2 run as a wrong password. */
    @Override
    public Option<User> authenticate(Option<String> realm, String username, String password) {
        Option<Account> account = Option.of(byLogin.get(key(username)));
        byte[] presented = hash(password == null ? "" : password, account.map(Account::salt).getOrElse(new byte[16]));
        boolean matches = MessageDigest.isEqual(presented, account.map(Account::hash).getOrElse(new byte[32]));
        return matches ? account.map(Account::user) : Option.none();
    }

    @Override
    public Option<User> findById(UserId id) {
        return Option.of(byId.get(id));
    }

    /** Every spelling of one login counts its wrong passwords under one key. */
    @Override
    public String accountKey(Option<String> realm, String login) {
        return Option.of(byLogin.get(key(login))).map(a -> "user:" + a.user().id().value()).getOrElse("login:" + key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    /** PBKDF2-HMAC-SHA256 at OWASP's 600 000 iterations. */
    private static byte[] hash(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 600_000, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
