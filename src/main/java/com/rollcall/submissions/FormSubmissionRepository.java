package com.rollcall.submissions;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code form_submission}. */
@ApplicationScoped
public class FormSubmissionRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    /** A submission as stored: whose it is, which form, what it did (sealed), when. */
    record Stored(long enterpriseId, String login, String form, String sealedOutcome, Instant createdAt) {
    }

    /**
     * Claims the token for this transaction: true when this request is the first to bring it. A copy racing the first
     * waits here on the row lock until the first commits (then false, and the outcome is readable) or rolls back
     * (then true: it goes ahead in its place).
     */
    boolean claim(String hash, long enterpriseId, String login, String form, Instant now) {
        return NativeSql.update(em, "INSERT IGNORE INTO form_submission (token_hash, enterprise_id, login, form, "
                + "created_at) VALUES (?, ?, ?, ?, ?)", List.of(hash, enterpriseId, login, form,
                TIME.convertToDatabaseColumn(now))) == 1;
    }

    void complete(String hash, String sealedOutcome) {
        NativeSql.update(em, "UPDATE form_submission SET outcome = ? WHERE token_hash = ?", List.of(sealedOutcome, hash));
    }

    Optional<Stored> find(String hash) {
        return NativeSql.query(em, "SELECT enterprise_id, login, form, outcome, created_at FROM form_submission "
                + "WHERE token_hash = ?", List.of(hash)).stream()
                .findFirst()
                .map(row -> new Stored(Columns.number(row[0]), (String) row[1], (String) row[2], (String) row[3],
                        Columns.instant(row[4])));
    }

    /** Forgets submissions made before this time; how many. */
    int purge(Instant before) {
        return NativeSql.update(em, "DELETE FROM form_submission WHERE created_at < ?",
                List.of(TIME.convertToDatabaseColumn(before)));
    }
}
