package io.twofold.mfa.jdbc;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/**
 * Writes a flat string-to-string map as a JSON object, and reads one back, for audit details; no JSON
 * library needed for that.
 */
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

    /** The map {@link #write} wrote; what it cannot read (nothing it wrote) ends the map there. */
    static Map<String, String> read(String json) {
        Map<String, String> map = LinkedHashMap.empty();
        int[] at = {skip(json, 0, '{')};
        while (at[0] < json.length() && json.charAt(at[0]) == '"') {
            String key = unquote(json, at);
            at[0] = skip(json, at[0], ':');
            if (at[0] >= json.length() || json.charAt(at[0]) != '"') {
                break;
            }
            map = map.put(key, unquote(json, at));
            at[0] = skip(json, at[0], ',');
        }
        return map;
    }

    private static int skip(String json, int from, char expected) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i < json.length() && json.charAt(i) == expected ? i + 1 : i;
    }

    /** Reads the string that starts at {@code at[0]} (its opening quote) and moves past its closing one. */
    private static String unquote(String json, int[] at) {
        StringBuilder value = new StringBuilder();
        int i = at[0] + 1;
        while (i < json.length() && json.charAt(i) != '"') {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char escaped = json.charAt(++i);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
            i++;
        }
        at[0] = i + 1;
        return value.toString();
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
