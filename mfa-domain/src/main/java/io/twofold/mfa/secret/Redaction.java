package io.twofold.mfa.secret;

import java.util.regex.Pattern;

/**
 * How a configured address is shown in a log line or a {@code toString}: with its credentials and
 * parameter values replaced by {@code ***}. One rule for every kind of URL the server is given:
 * user-info ({@code https://user:password@host}, {@code jdbc:postgresql://user:password@host}), query
 * values ({@code ?api_key=...}, {@code ?password=...}), {@code ;NAME=value} settings of JDBC URLs
 * ({@code ;PASSWORD=...}) and fragments. Parameter names stay, so the line still says what was set.
 */
public final class Redaction {
    public static final String MASK = "***";
    /** A parameter after '?', '&' or ';': its name is kept, its value (up to the next separator) masked. */
    private static final Pattern PARAMETER = Pattern.compile("([?&;][^=&;#?]*)=[^&;#]*");
    private static final Pattern FRAGMENT = Pattern.compile("#.*$");

    private Redaction() {
    }

    /** The URL with user-info, parameter values and fragment masked; null stays null. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String redacted = FRAGMENT.matcher(withoutUserInfo(url)).replaceFirst("#" + MASK);
        return PARAMETER.matcher(redacted).replaceAll("$1=" + MASK);
    }

    private static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#;".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < start ? url : url.substring(0, start) + MASK + url.substring(at);
    }
}
