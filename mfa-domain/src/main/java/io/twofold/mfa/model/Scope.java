package io.twofold.mfa.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An OAuth scope: a space-separated set of names, kept in the order given. */
public record Scope(List<String> values) {
    public static final Scope EMPTY = new Scope(List.of());

    public Scope {
        values = List.copyOf(new LinkedHashSet<>(values));
    }

    public static Scope parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        return new Scope(Arrays.stream(raw.trim().split("\\s+")).toList());
    }

    public boolean contains(String value) {
        return values.contains(value);
    }

    public Set<String> asSet() {
        return Set.copyOf(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The wire form: names separated by one space. */
    @Override
    public String toString() {
        return String.join(" ", values);
    }
}
