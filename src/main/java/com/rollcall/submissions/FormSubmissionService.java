package com.rollcall.submissions;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Create forms that are idempotent per submission (issue 15): {@link #once} runs a create at most once per form
 * token, in the same transaction as the claim of the token, so either both commit or neither does. A copy of the
 * same submission (a double-click, a resent page, two instances behind the load balancer) gets the first one's
 * outcome instead, whether it arrives during the first (it waits for it) or after it. Nothing is kept in an
 * instance's memory: the database's primary key decides.
 */
@Stateless
public class FormSubmissionService {
    /** How long a submission is remembered: far beyond a console session (30 minutes), after which no page can send it. */
    static final Duration KEPT = Duration.ofDays(1);

    @Inject
    private FormSubmissionRepository submissions;

    /** What a submission did, and whether this request was a copy of an earlier one that did it. */
    public record Submitted(String outcome, boolean replayed, Instant firstAt) {
    }

    /**
     * Runs {@code create} (which answers its outcome as text, e.g. the new client's id) unless this form token was
     * already submitted, in which case the earlier outcome is answered with {@code replayed}. A create that fails
     * (a refusal, a taken name) rolls back with the claim, so the same form can be corrected and sent again.
     */
    public Submitted once(Actor actor, String form, String token, Supplier<String> create) {
        if (!SubmissionTokens.plausible(token)) {
            throw ScimException.invalidValue("This form is out of date: reload the page and fill it in again.");
        }
        String hash = SubmissionTokens.hash(token);
        Instant now = Clock.now();
        if (submissions.claim(hash, actor.enterpriseId(), actor.id(), form, now)) {
            String outcome = create.get();
            submissions.complete(hash, SubmissionTokens.seal(token, outcome));
            return new Submitted(outcome, false, now);
        }
        FormSubmissionRepository.Stored stored = submissions.find(hash).orElseThrow(() -> ScimException.conflict(
                "This form was sent twice at once and the first copy did not finish: reload the page to see what was "
                        + "created before sending it again."));
        Optional<String> outcome = stored.sealedOutcome() == null ? Optional.empty()
                : SubmissionTokens.open(token, stored.sealedOutcome());
        if (stored.enterpriseId() != actor.enterpriseId() || !stored.login().equals(actor.id())
                || !stored.form().equals(form) || outcome.isEmpty()) {
            throw ScimException.conflict("This form was already sent, from another page: reload the page and fill it "
                    + "in again.");
        }
        return new Submitted(outcome.get(), true, stored.createdAt());
    }

    /** Forgets day-old submissions (on every instance, every hour; deleting what another already deleted is harmless). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void forgetOldSubmissions() {
        submissions.purge(Clock.now().minus(KEPT));
    }
}
