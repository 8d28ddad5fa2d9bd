package io.twofold.mfa.model;

import io.vavr.control.Option;

/**
 * A log entry's id: the store's sequence number, shown as a zero-padded decimal string so that ids
 * sort (as strings and as numbers) in the order the events were recorded, which checkpoints rely on.
 */
public record LogId(long sequence) implements Comparable<LogId> {
    private static final int DIGITS = 20;

    public LogId {
        if (sequence < 0) {
            throw new IllegalArgumentException("a log id is not negative");
        }
    }

    /** The wire form: 20 decimal digits. */
    public String value() {
        return String.format("%0" + DIGITS + "d", sequence);
    }

    /** The id a wire form names; none for anything but 1 to 20 decimal digits that fit a long. */
    public static Option<LogId> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Option.none();
        }
        return Option.of(value).flatMap(v -> {
            try {
                return Option.of(new LogId(Long.parseLong(v)));
            } catch (NumberFormatException tooLarge) {
                return Option.none();
            }
        });
    }

    @Override
    public int compareTo(LogId other) {
        return Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
