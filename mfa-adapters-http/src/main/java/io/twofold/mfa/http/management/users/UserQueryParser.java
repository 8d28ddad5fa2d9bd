package io.twofold.mfa.http.management.users;

import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserQuery.Attribute;
import io.twofold.mfa.model.UserQuery.Field;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * Reads the {@code q} of {@code GET /users}: the subset of Auth0's v3 (Lucene) syntax that Twofold
 * serves. {@code field:value}, {@code field:"a phrase"}, a trailing {@code *} for a prefix,
 * {@code AND}, {@code OR}, {@code NOT} (and a leading {@code -}), parentheses, and whitespace for
 * AND. Anything else (ranges, {@code ?}, an inner {@code *}, a bare word, an unknown field) is
 * refused with the reason, so a caller never gets a silently different search.
 */
final class UserQueryParser {
    /** Longer queries are refused: they bound the parser's work and the SQL the store builds. */
    static final int MAX_LENGTH = 2048;
    static final int MAX_DEPTH = 16;

    private final java.util.List<Token> tokens;
    private int next;

    private enum Kind { TERM, AND, OR, NOT, OPEN, CLOSE }

    private record Token(Kind kind, String field, String value, boolean prefix) {
        static Token of(Kind kind) {
            return new Token(kind, null, null, false);
        }
    }

    /** A refusal, as the text after {@code Query validation error: }. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private UserQueryParser(java.util.List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The query, or why it is refused. A blank {@code q} is every user. */
    static Either<String, UserQuery> parse(String q) {
        if (q == null || q.isBlank()) {
            return Either.right(UserQuery.ALL);
        }
        if (q.length() > MAX_LENGTH) {
            return Either.left("q is longer than " + MAX_LENGTH + " characters");
        }
        try {
            UserQueryParser parser = new UserQueryParser(tokenize(q));
            UserQuery query = parser.or(0);
            if (parser.next < parser.tokens.size()) {
                throw new Refusal("unexpected " + describe(parser.tokens.get(parser.next)));
            }
            return Either.right(query);
        } catch (Refusal refusal) {
            return Either.left(refusal.getMessage());
        }
    }

    private UserQuery or(int depth) {
        java.util.List<UserQuery> operands = new ArrayList<>();
        operands.add(and(depth));
        while (peek(Kind.OR)) {
            next++;
            operands.add(and(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new UserQuery.Or(List.ofAll(operands));
    }

    private UserQuery and(int depth) {
        java.util.List<UserQuery> operands = new ArrayList<>();
        operands.add(unary(depth));
        while (next < tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
            if (peek(Kind.AND)) {
                next++;
            }
            operands.add(unary(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new UserQuery.And(List.ofAll(operands));
    }

    private UserQuery unary(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Refusal("q nests deeper than " + MAX_DEPTH + " levels");
        }
        if (next >= tokens.size()) {
            throw new Refusal("q ends where a term was expected");
        }
        Token token = tokens.get(next++);
        switch (token.kind()) {
            case NOT:
                return new UserQuery.Not(unary(depth + 1));
            case OPEN: {
                UserQuery inner = or(depth + 1);
                if (!peek(Kind.CLOSE)) {
                    throw new Refusal("a parenthesis is not closed");
                }
                next++;
                return inner;
            }
            case TERM:
                return term(token);
            default:
                throw new Refusal("unexpected " + describe(token));
        }
    }

    private boolean peek(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    private static UserQuery term(Token token) {
        Field field = field(token.field()).getOrElseThrow(() ->
                new Refusal("the field '" + token.field() + "' cannot be searched"));
        return new UserQuery.Term(field, token.value(), token.prefix());
    }

    private static Option<Field> field(String name) {
        for (String bag : new String[] {"app_metadata.", "user_metadata."}) {
            if (name.startsWith(bag)) {
                String key = name.substring(bag.length());
                // Top-level keys only: a nested key is not indexed, so it could not be searched honestly.
                return key.isEmpty() || key.contains(".") ? Option.none()
                        : Option.some(new Field.MetadataKey(bag.startsWith("app"), key));
            }
        }
        Attribute attribute = switch (name) {
            case "user_id" -> Attribute.USER_ID;
            case "email" -> Attribute.EMAIL;
            case "username" -> Attribute.USERNAME;
            case "name" -> Attribute.NAME;
            case "given_name" -> Attribute.GIVEN_NAME;
            case "family_name" -> Attribute.FAMILY_NAME;
            case "nickname" -> Attribute.NICKNAME;
            case "blocked" -> Attribute.BLOCKED;
            case "email_verified" -> Attribute.EMAIL_VERIFIED;
            case "identities.connection", "connection" -> Attribute.CONNECTION;
            default -> null;
        };
        return Option.of(attribute).map(Field.Profile::new);
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case TERM -> "term " + token.field() + ":";
            case CLOSE -> "')'";
            case OPEN -> "'('";
            default -> token.kind().name();
        };
    }

    private static java.util.List<Token> tokenize(String q) {
        java.util.List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(Token.of(Kind.OPEN));
                i++;
            } else if (c == ')') {
                tokens.add(Token.of(Kind.CLOSE));
                i++;
            } else if (c == '-' || c == '!') {
                tokens.add(Token.of(Kind.NOT));
                i++;
            } else {
                i = word(q, i, tokens);
            }
        }
        return tokens;
    }

    /** Reads an operator or a {@code field:value} term from {@code start}; returns where it ended. */
    private static int word(String q, int start, java.util.List<Token> tokens) {
        int i = start;
        while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()\":".indexOf(q.charAt(i)) < 0) {
            i++;
        }
        String head = q.substring(start, i);
        if (i >= q.length() || q.charAt(i) != ':') {
            switch (head) {
                case "AND", "&&" -> tokens.add(Token.of(Kind.AND));
                case "OR", "||" -> tokens.add(Token.of(Kind.OR));
                case "NOT" -> tokens.add(Token.of(Kind.NOT));
                default -> throw new Refusal(head.isEmpty() ? "a phrase needs a field, as in name:\"jane smith\""
                        : "'" + head + "' needs a field, as in email:" + head);
            }
            return i;
        }
        i++;
        if (i < q.length() && q.charAt(i) == '"') {
            return phrase(q, head, i + 1, tokens);
        }
        StringBuilder value = new StringBuilder();
        while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()".indexOf(q.charAt(i)) < 0) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < q.length()) {
                value.append(q.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"' || c == '?' || c == '[' || c == '{' || (c == ':' && value.length() == 0)) {
                throw new Refusal("'" + c + "' is not supported in a value of " + head);
            }
            if (c == '*' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1)) && q.charAt(i + 1) != ')') {
                throw new Refusal("'*' is supported only at the end of a value");
            }
            value.append(c);
            i++;
        }
        String text = value.toString();
        boolean prefix = text.endsWith("*") && !q.substring(start, i).endsWith("\\*");
        if (prefix) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() && !prefix) {
            throw new Refusal("the field " + head + " has no value");
        }
        tokens.add(new Token(Kind.TERM, head, text, prefix));
        return i;
    }

    private static int phrase(String q, String field, int start, java.util.List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start;
        while (i < q.length() && q.charAt(i) != '"') {
            if (q.charAt(i) == '\\' && i + 1 < q.length()) {
                i++;
            }
            value.append(q.charAt(i));
            i++;
        }
        if (i >= q.length()) {
            throw new Refusal("a phrase is not closed");
        }
        tokens.add(new Token(Kind.TERM, field, value.toString(), false));
        return i + 1;
    }
}
