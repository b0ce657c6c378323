package com.rollcall.operators;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.apiclients.BearerCredential;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Operator tokens: authenticate one (no cache: the operator API is seldom called, and a revocation must
 * hold on every instance at once), issue, list and revoke them, and adopt the one configured at start.
 */
@Stateless
public class OperatorTokenService {
    private static final Logger LOG = Logger.getLogger(OperatorTokenService.class.getName());
    static final String ENVIRONMENT_TOKEN_NAME = "Configured at start (rollcall.operator.token)";

    @Inject
    private OperatorTokenRepository tokens;

    @Inject
    private AuditTrail audit;

    /** The operator a live token belongs to, as an actor acting for no enterprise yet. */
    public Optional<Actor> authenticate(String token, String address, String requestId) {
        if (!ApiTokens.plausible(token)) {
            return Optional.empty();
        }
        String hash = ApiTokens.hash(token);
        Optional<OperatorToken> found = tokens.byHash(hash);
        if (found.isEmpty() || !found.get().accepts(hash)) {
            return Optional.empty();
        }
        OperatorToken t = found.get();
        Instant now = Clock.now();
        if (t.useWorthRecording(now)) {
            tokens.recordUse(t.id(), now, address, now.minus(BearerCredential.LAST_USE_RESOLUTION));
        }
        return Optional.of(Actor.operator(t.id(), t.name(), address, requestId));
    }

    /** A new token, answered once; only its hash is kept. */
    public IssuedOperatorToken issue(Actor operator, String name) {
        requireOperator(operator);
        String token = ApiTokens.generate();
        OperatorToken created = new OperatorToken(name, token, false, operator.name());
        tokens.add(created);
        OperatorTokenView view = OperatorTokenView.of(created);
        audit.record(operator.on(Actor.NO_ENTERPRISE), "OPERATOR_TOKEN_CREATED", "OperatorToken",
                Long.toString(created.id()), created.name(), null, view.toJson());
        return new IssuedOperatorToken(token, view);
    }

    public List<OperatorTokenView> list() {
        return tokens.all().stream().map(OperatorTokenView::of).toList();
    }

    /**
     * Revokes a token (idempotent). The last live token cannot be revoked: nobody could reach the operator
     * API again without a restart with a new configured token (409).
     */
    public OperatorTokenView revoke(Actor operator, long id) {
        requireOperator(operator);
        List<OperatorToken> live = tokens.liveForUpdate();
        OperatorToken token = tokens.find(id)
                .orElseThrow(() -> ScimException.notFound("There is no operator token " + id + "."));
        if (token.revoked()) {
            return OperatorTokenView.of(token);
        }
        if (live.size() == 1) {
            throw ScimException.conflict("This is the last live operator token: issue another one before revoking it.");
        }
        OperatorTokenView before = OperatorTokenView.of(token);
        token.revoke(Clock.now());
        tokens.flush();
        OperatorTokenView after = OperatorTokenView.of(token);
        audit.record(operator.on(Actor.NO_ENTERPRISE), "OPERATOR_TOKEN_REVOKED", "OperatorToken", Long.toString(id),
                token.name(), before.toJson(), after.toJson());
        return after;
    }

    /**
     * Adopts the token configured at start: a value never seen is stored (as its hash) and replaces the token
     * configured before it, which is revoked (that is how the configured token is rotated). A value seen before
     * and revoked stays revoked; the instance says so in its log.
     *
     * @return whether the token is accepted (false: it was revoked)
     */
    public boolean adoptConfigured(String token) {
        String hash = ApiTokens.hash(token);
        Optional<OperatorToken> known = tokens.byHash(hash);
        if (known.isPresent()) {
            if (known.get().revoked()) {
                LOG.warning("The configured operator token (rollcall.operator.token) was revoked on "
                        + known.get().revokedAt() + "; it is refused. Configure a new one.");
                return false;
            }
            return true;
        }
        Actor system = Actor.system(Actor.NO_ENTERPRISE, "Rollcall start-up");
        for (OperatorToken replaced : tokens.otherEnvironmentTokens(hash)) {
            OperatorTokenView before = OperatorTokenView.of(replaced);
            replaced.revoke(Clock.now());
            audit.record(system, "OPERATOR_TOKEN_REVOKED", "OperatorToken", Long.toString(replaced.id()),
                    replaced.name(), before.toJson(), OperatorTokenView.of(replaced).toJson());
        }
        OperatorToken configured = new OperatorToken(ENVIRONMENT_TOKEN_NAME, token, true, "Rollcall start-up");
        tokens.add(configured);
        audit.record(system, "OPERATOR_TOKEN_CREATED", "OperatorToken", Long.toString(configured.id()),
                configured.name(), null, OperatorTokenView.of(configured).toJson());
        return true;
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw ScimException.forbidden("Only the operator of Rollcall manages operator tokens.");
        }
    }
}
