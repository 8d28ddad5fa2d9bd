package io.twofold.mfa.jdbc;

import io.vavr.collection.Map;

/** Writes a flat string-to-string map as a JSON object, for audit details; no JSON library needed for that. */
final class JsonObjects {
    private JsonObjects() {
    }

    static String write(Map<String, String> map) {
        StringBuilder json = new StringBuilder("{");
        new java.util.TreeMap<>(map.toJavaMap()).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, key).append(':');
            string(json, value);
        });
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
