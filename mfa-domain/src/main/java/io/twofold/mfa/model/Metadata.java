package io.twofold.mfa.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's {@code user_metadata} or {@code app_metadata}: a JSON object as plain Java values
 * ({@link Map} with string keys, {@link List}, {@link String}, {@link Number}, {@link Boolean} and
 * {@code null}), so the domain needs no JSON library. Unmodifiable; keys keep their order.
 */
public record Metadata(Map<String, Object> values) {
    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        Objects.requireNonNull(values, "values");
        values.values().forEach(Metadata::requireJsonValue);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Auth0's PATCH rule: merged at the first level only. A key in {@code patch} replaces this one's
     * value (an object too, whole), a {@code null} removes the key, keys not named stay.
     */
    public Metadata merge(Metadata patch) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        patch.values.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new Metadata(merged);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static void requireJsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("metadata keys are strings");
                }
                requireJsonValue(nested);
            });
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(Metadata::requireJsonValue);
            return;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }
}
