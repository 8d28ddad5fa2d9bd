package io.twofold.mfa.loadgen;

import io.twofold.mfa.model.UserId;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One seeded user as the generator drives it: its password, the TOTP seed it shares with the
 * server, the mfa_tokens made for it in advance, and when it may next present a code. Replay
 * protection accepts one code per user per 30 s step, so after a success the user waits for the
 * next step instead of sending a code the server must refuse.
 */
final class VirtualUser implements Delayed {
    final String username;
    final String password;
    final UserId id;
    final byte[] seed;
    final Deque<String> mfaTokens = new ArrayDeque<>();
    private volatile long readyAtMillis;
    /** The last step this user presented a code for; the next code must be for a later one. */
    long lastStep = Long.MIN_VALUE;

    VirtualUser(String username, String password, UserId id, byte[] seed) {
        this.username = username;
        this.password = password;
        this.id = id;
        this.seed = seed;
    }

    void readyAt(long epochMillis) {
        readyAtMillis = epochMillis;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(readyAtMillis - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }
}
