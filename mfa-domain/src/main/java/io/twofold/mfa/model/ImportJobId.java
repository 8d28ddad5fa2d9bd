package io.twofold.mfa.model;

import io.vavr.control.Option;

/** A job's id: {@code job_} and 16 letters and digits, as Auth0's (spec 1.7). */
public record ImportJobId(String value) {
    /** How many letters and digits follow {@code job_}. */
    public static final int LENGTH = 16;

    public ImportJobId {
        if (parse(value).isEmpty()) {
            throw new IllegalArgumentException("not a job id");
        }
    }

    /** The id, when the text is one; anything else names no job. */
    public static Option<String> parse(String value) {
        return Option.of(value).filter(v -> v.matches("job_[A-Za-z0-9]{" + LENGTH + "}"));
    }
}
