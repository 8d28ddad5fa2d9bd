package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.vavr.control.Option;

import java.sql.SQLException;

/** Reads a whole profile (never the password hash) from a {@code users} row. */
final class UserProfileRows extends TableRows<UserProfile> {
    UserProfileRows() {
        super("");
    }

    @Override
    protected UserProfile map(Columns row) throws SQLException {
        return new UserProfile(new UserId(row.text("id")), row.text("realm"), Option.of(row.text("username")),
                Option.of(row.text("email")).map(EmailAddress::new), row.bool("email_verified"),
                Option.of(row.text("phone_number")), row.bool("phone_verified"),
                new UserProfile.Names(Option.of(row.text("given_name")), Option.of(row.text("family_name")),
                        Option.of(row.text("name")), Option.of(row.text("nickname"))),
                Option.of(row.text("picture")), new Metadata(JsonText.readObject(row.text("user_metadata"))),
                new Metadata(JsonText.readObject(row.text("app_metadata"))), row.bool("blocked"),
                row.instant("created_at"), row.instant("updated_at"), Option.of(row.instant("last_password_reset")));
    }
}
