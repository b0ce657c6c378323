package com.rollcall.licensing;

import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * License requests: an enterprise's admins ask for more seats (one open request at a time); the operator of
 * Rollcall grants one, raising the limit in the same transaction, or declines it with a reason. Both sides
 * are audited in the enterprise's log; the enterprise sees the outcome on its dashboard and in its API.
 */
@Stateless
public class LicenseRequestService {
    public static final int MAX_NOTE_LENGTH = 1000;

    @Inject
    private LicenseRequestRepository requests;

    @Inject
    private LicenseRepository counters;

    @Inject
    private LicenseService licenses;

    @Inject
    private AuditTrail audit;

    /**
     * An admin of the actor's enterprise asks for {@code seats} more licenses. Refused: without the admin scope
     * (an Integrations Manager, a scim-only token: 403), a second open request (409 naming it), more seats than
     * Rollcall allows in all (400).
     */
    public LicenseRequestView request(Actor actor, int seats, String note) {
        if (!actor.holdsAll(EnumSet.of(ApiScope.ADMIN))) {
            throw ScimException.forbidden("Only an Enterprise Admin (or a token with the admin scope) asks for more licenses.");
        }
        LicenseRepository.Seats now = counters.lockedSeats(actor.enterpriseId())
                .orElseThrow(() -> ScimException.notFound("Enterprise " + actor.enterpriseId() + " has no licenses."));
        if (seats < 1 || (long) now.limit() + seats > LicenseService.MAX_LIMIT) {
            throw ScimException.invalidValue(String.format(Locale.ROOT,
                    "'seats' must be a whole number from 1 to %,d (a limit can reach %,d).",
                    Math.max(1, LicenseService.MAX_LIMIT - now.limit()), LicenseService.MAX_LIMIT));
        }
        Optional<LicenseRequest> open = requests.open(actor.enterpriseId());
        if (open.isPresent()) {
            throw ScimException.conflict(String.format(Locale.ROOT,
                    "A request for %,d more licenses (sent %s by %s) is still open: the operator answers it first.",
                    open.get().seatsRequested(), open.get().requestedAt(), open.get().requestedBy()));
        }
        LicenseRequest request = new LicenseRequest(actor.enterpriseId(), seats, note, actor.name(), now.limit(), now.used());
        requests.add(request);
        LicenseRequestView view = LicenseRequestView.of(request);
        audit.record(actor, "LICENSES_REQUESTED", "LicenseRequest", Long.toString(request.id()), null, null, view.toJson());
        return view;
    }

    /** The enterprise's requests, newest first (at most {@code max}). */
    public List<LicenseRequestView> ofEnterprise(long enterpriseId, int max) {
        return requests.ofEnterprise(enterpriseId, max).stream().map(LicenseRequestView::of).toList();
    }

    /** The open request of each of these enterprises that has one, by enterprise id. */
    public java.util.Map<Long, LicenseRequestView> openOf(java.util.Collection<Long> enterpriseIds) {
        java.util.Map<Long, LicenseRequestView> byId = new java.util.HashMap<>();
        if (!enterpriseIds.isEmpty()) {
            requests.openOf(enterpriseIds).forEach(r -> byId.put(r.enterpriseId(), LicenseRequestView.of(r)));
        }
        return byId;
    }

    /** The operator's queue: requests in a status (all when null), oldest first. */
    public LicenseRequestPage page(LicenseRequest.Status status, int offset, int count) {
        return new LicenseRequestPage(requests.count(status),
                requests.page(status, offset, count).stream().map(LicenseRequestView::of).toList());
    }

    /**
     * The operator grants an open request: the limit becomes {@code newLimit}, or the limit now plus the seats
     * asked for when null. The new limit must be above the limit now (400); a request already decided is a 409.
     */
    public LicenseRequestView grant(Actor operator, long requestId, Integer newLimit) {
        LicenseRequest request = openRequest(operator, requestId);
        Actor onEnterprise = operator.on(request.enterpriseId());
        LicenseRepository.Seats now = counters.lockedSeats(request.enterpriseId()).orElseThrow();
        int limit = newLimit != null ? newLimit
                : (int) Math.min(LicenseService.MAX_LIMIT, (long) now.limit() + request.seatsRequested());
        if (limit <= now.limit()) {
            throw ScimException.invalidValue(String.format(Locale.ROOT,
                    "'licenseLimit' must be above the limit now (%,d) to grant a request; decline it instead.", now.limit()));
        }
        LicenseRequestView before = LicenseRequestView.of(request);
        licenses.changeLimit(onEnterprise, limit);
        request.grant(operator.name(), limit);
        requests.flush();
        LicenseRequestView after = LicenseRequestView.of(request);
        audit.record(onEnterprise, "LICENSE_REQUEST_GRANTED", "LicenseRequest", Long.toString(requestId), null,
                before.toJson(), after.toJson());
        return after;
    }

    /** The operator declines an open request, with the reason the enterprise will read. */
    public LicenseRequestView decline(Actor operator, long requestId, String reason) {
        LicenseRequest request = openRequest(operator, requestId);
        LicenseRequestView before = LicenseRequestView.of(request);
        request.decline(operator.name(), reason);
        requests.flush();
        LicenseRequestView after = LicenseRequestView.of(request);
        audit.record(operator.on(request.enterpriseId()), "LICENSE_REQUEST_DECLINED", "LicenseRequest",
                Long.toString(requestId), null, before.toJson(), after.toJson());
        return after;
    }

    private LicenseRequest openRequest(Actor operator, long requestId) {
        if (!operator.isOperator()) {
            throw ScimException.forbidden("Only the operator of Rollcall answers license requests.");
        }
        LicenseRequest request = requests.forUpdate(requestId)
                .orElseThrow(() -> ScimException.notFound("There is no license request " + requestId + "."));
        if (request.status() != LicenseRequest.Status.OPEN) {
            throw ScimException.conflict("License request " + requestId + " was already "
                    + request.status().name().toLowerCase(Locale.ROOT) + " on " + request.decidedAt() + " by "
                    + request.decidedBy() + ".");
        }
        return request;
    }
}
