package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.seal.SealingException;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;

import java.util.function.Consumer;

/**
 * Moves every sealed value (TOTP seeds, signing keys) onto the keyring's current key, so that the
 * keys it replaced can leave the configuration. Batched, each batch its own transaction; resumable,
 * because what is left to do is exactly what is still sealed under another key; safe beside running
 * nodes and another resealer, because each row is rewritten only if it still holds the value that
 * was opened (a compare-and-set on key id and bytes): a row changed meanwhile is left for the next run.
 */
public final class Resealer {
    private final Handles handles;
    private final Sealer sealer;
    private final List<SealedColumn> columns;

    Resealer(Handles handles, Sealer sealer, SeedSealer seeds) {
        this.handles = handles;
        this.sealer = sealer;
        this.columns = List.of(
                new SealedColumn("authenticators", "id", "user_id", "seed_key_id", "seed_sealed",
                        (row, sealed) -> seeds.reseal(new UserId(row.owner()), authenticatorId(row.id()), sealed)),
                new SealedColumn("signing_keys", "kid", "kid", "seal_key_id", "sealed",
                        (row, sealed) -> sealer.reseal(sealed, SigningKeyRows.owner(row.id()))));
    }

    /** What one run did, over every table. {@code finished}: nothing is left under another key that could be opened. */
    public record Summary(int resealed, int changedMeanwhile, int unopenable, int batches, boolean finished) {
        Summary plus(Summary other) {
            return new Summary(resealed + other.resealed, changedMeanwhile + other.changedMeanwhile,
                    unopenable + other.unopenable, batches + other.batches, finished && other.finished);
        }
    }

    /** The id of the key everything is moved onto. */
    public String currentKeyId() {
        return sealer.currentKeyId();
    }

    /** How many values are sealed under a key other than the current one. */
    public long remaining() {
        return columns.map(column -> handles.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM "
                        + column.table() + " WHERE " + column.keyId() + " IS NOT NULL AND " + column.keyId() + " <> :current")
                .bind("current", currentKeyId())
                .mapTo(Long.class)
                .one())).sum().longValue();
    }

    /**
     * Reseals in batches of {@code batchSize}, at most {@code maxBatches} of them (a run stopped there,
     * or killed, is taken up by the next one), telling {@code progress} one line per batch.
     */
    public Summary run(int batchSize, int maxBatches, Consumer<String> progress) {
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batch size and batch count must be positive");
        }
        Summary total = new Summary(0, 0, 0, 0, true);
        for (SealedColumn column : columns) {
            Summary done = reseal(column, batchSize, maxBatches - total.batches(), progress);
            total = total.plus(done);
            if (!done.finished()) {
                return total;
            }
        }
        return total;
    }

    private Summary reseal(SealedColumn column, int batchSize, int batchesLeft, Consumer<String> progress) {
        Summary total = new Summary(0, 0, 0, 0, true);
        String after = "";
        while (true) {
            if (total.batches() == batchesLeft) {
                return new Summary(total.resealed(), total.changedMeanwhile(), total.unopenable(), total.batches(), false);
            }
            String from = after;
            List<SealedRow> rows = handles.withHandle(handle -> List.ofAll(handle.createQuery("SELECT " + column.id()
                            + " AS id, " + column.owner() + " AS owner, " + column.keyId() + " AS key_id, " + column.sealed()
                            + " AS sealed FROM " + column.table() + " WHERE " + column.keyId() + " IS NOT NULL AND "
                            + column.keyId() + " <> :current AND " + column.id() + " > :after ORDER BY " + column.id()
                            + " LIMIT :limit")
                    .bind("current", currentKeyId())
                    .bind("after", from)
                    .bind("limit", batchSize)
                    .map((rs, ctx) -> new SealedRow(rs.getString("id"), rs.getString("owner"),
                            new Sealed(rs.getString("key_id"), rs.getBytes("sealed"))))
                    .list()));
            if (rows.isEmpty()) {
                return total;
            }
            Summary batch = handles.inTransaction(handle -> {
                int resealed = 0;
                int changed = 0;
                int unopenable = 0;
                for (SealedRow row : rows) {
                    Sealed fresh;
                    try {
                        fresh = column.reseal().apply(row, row.sealed());
                    } catch (SealingException e) {
                        // Its key is not in the ring (or it was tampered with): left as it is, counted, never printed.
                        unopenable++;
                        continue;
                    }
                    // Only over the very value we opened: a running node or another resealer may have moved it.
                    int updated = handle.createUpdate("UPDATE " + column.table() + " SET " + column.keyId() + " = :newKey, "
                                    + column.sealed() + " = :newSealed WHERE " + column.id() + " = :id AND "
                                    + column.keyId() + " = :oldKey AND " + column.sealed() + " = :oldSealed")
                            .bind("newKey", fresh.keyId())
                            .bind("newSealed", fresh.nonceAndCiphertext())
                            .bind("id", row.id())
                            .bind("oldKey", row.sealed().keyId())
                            .bind("oldSealed", row.sealed().nonceAndCiphertext())
                            .execute();
                    if (updated == 1) {
                        resealed++;
                    } else {
                        changed++;
                    }
                }
                return new Summary(resealed, changed, unopenable, 1, true);
            });
            total = total.plus(batch);
            after = rows.last().id();
            progress.accept(column.table() + ": batch " + total.batches() + ", " + total.resealed() + " resealed"
                    + (total.changedMeanwhile() > 0 ? ", " + total.changedMeanwhile() + " changed meanwhile" : "")
                    + (total.unopenable() > 0 ? ", " + total.unopenable() + " cannot be opened" : ""));
        }
    }

    private static AuthenticatorId authenticatorId(String value) {
        return AuthenticatorId.parse(value)
                .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database"));
    }

    /** One table's sealed value: its key column, the id that orders the batches, and how to reseal a row's value. */
    private record SealedColumn(String table, String id, String owner, String keyId, String sealed,
                                java.util.function.BiFunction<SealedRow, Sealed, Sealed> reseal) {
    }

    private record SealedRow(String id, String owner, Sealed sealed) {
    }
}
