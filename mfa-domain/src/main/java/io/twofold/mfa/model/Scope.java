package io.twofold.mfa.model;

import io.vavr.collection.List;

/** An OAuth scope: a space-separated set of names, kept in the order given. */
public record Scope(List<String> values) {
    public static final Scope EMPTY = new Scope(List.of());

    public Scope {
        values = values.distinct();
    }

    public static Scope parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        return new Scope(List.of(raw.trim().split("\\s+")));
    }

    public boolean contains(String value) {
        return values.contains(value);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The wire form: names separated by one space. */
    @Override
    public String toString() {
        return values.mkString(" ");
    }
}
