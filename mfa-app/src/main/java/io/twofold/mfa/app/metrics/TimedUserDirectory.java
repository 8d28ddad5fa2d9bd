package io.twofold.mfa.app.metrics;

import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Option;

/** Times every password check of the directory it wraps; look-ups by id pass through. */
final class TimedUserDirectory implements UserDirectory {
    private final UserDirectory directory;
    private final TwofoldMeters meters;

    TimedUserDirectory(UserDirectory directory, TwofoldMeters meters) {
        this.directory = directory;
        this.meters = meters;
    }

    @Override
    public Option<User> authenticate(Option<String> realm, String username, String password) {
        long started = System.nanoTime();
        try {
            return directory.authenticate(realm, username, password);
        } finally {
            meters.passwordCheck(System.nanoTime() - started);
        }
    }

    @Override
    public Option<User> findById(UserId id) {
        return directory.findById(id);
    }

    @Override
    public String accountKey(Option<String> realm, String login) {
        return directory.accountKey(realm, login);
    }
}
