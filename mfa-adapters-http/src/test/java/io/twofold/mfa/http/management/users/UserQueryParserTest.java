package io.twofold.mfa.http.management.users;

import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserQuery.And;
import io.twofold.mfa.model.UserQuery.Attribute;
import io.twofold.mfa.model.UserQuery.Field;
import io.twofold.mfa.model.UserQuery.Not;
import io.twofold.mfa.model.UserQuery.Or;
import io.twofold.mfa.model.UserQuery.Term;
import io.vavr.collection.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserQueryParserTest {

    private static Term term(Attribute attribute, String value, boolean prefix) {
        return new Term(new Field.Profile(attribute), value, prefix);
    }

    private static UserQuery parse(String q) {
        return UserQueryParser.parse(q).getOrElseThrow(reason -> new AssertionError(reason));
    }

    @Test
    void readsTermsPhrasesAndPrefixes() {
        assertThat(parse("email:jane@example.com")).isEqualTo(term(Attribute.EMAIL, "jane@example.com", false));
        assertThat(parse("name:\"jane smith\"")).isEqualTo(term(Attribute.NAME, "jane smith", false));
        assertThat(parse("username:jo*")).isEqualTo(term(Attribute.USERNAME, "jo", true));
        assertThat(parse("identities.connection:Username-Password-Authentication"))
                .isEqualTo(term(Attribute.CONNECTION, "Username-Password-Authentication", false));
        assertThat(parse("app_metadata.plan:gold")).isEqualTo(new Term(new Field.MetadataKey(true, "plan"), "gold", false));
        assertThat(parse("user_metadata.team:\"red sox\"")).isEqualTo(new Term(new Field.MetadataKey(false, "team"), "red sox", false));
        assertThat(parse("  ")).isEqualTo(UserQuery.ALL);
    }

    @Test
    void combinesWithPrecedenceAndImplicitAnd() {
        Term a = term(Attribute.BLOCKED, "true", false);
        Term b = term(Attribute.EMAIL, "a*", false);
        Term c = term(Attribute.NICKNAME, "c", false);

        assertThat(parse("blocked:true OR email:a\\* nickname:c")).isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
        assertThat(parse("(blocked:true OR email:a\\*) AND NOT nickname:c"))
                .isEqualTo(new And(List.of(new Or(List.of(a, b)), new Not(c))));
        assertThat(parse("-nickname:c")).isEqualTo(new Not(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "shoe_size:42", "app_metadata.a.b:1", "logins_count:[1 TO 5]", "name:jo?n",
            "name:j*n", "(email:a", "email:a)", "name:\"open", "email:", "AND", "email:a OR", "user_metadata.:x"})
    void refusesWhatItDoesNotServe(String q) {
        assertThat(UserQueryParser.parse(q).isLeft()).as(q).isTrue();
    }

    @Test
    void boundsNestingAndLength() {
        assertThat(UserQueryParser.parse("(".repeat(40) + "email:a" + ")".repeat(40)).isLeft()).isTrue();
        assertThat(UserQueryParser.parse("email:" + "a".repeat(3000)).isLeft()).isTrue();
    }
}
