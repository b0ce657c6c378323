package com.rollcall.events;

import com.rollcall.platform.security.Actor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Sends one past delivery's event again, now (the console's and the admin API's "resend"): read in one short
 * transaction, sent with no transaction open, recorded in another. It does not move the endpoint's cursor.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookResendService {
    @Inject
    private WebhookService webhooks;

    @Inject
    private WebhookSender sender;

    public WebhookDeliveryView resend(Actor actor, long endpointId, long deliveryId) {
        WebhookService.Resend resend = webhooks.resendable(actor.enterpriseId(), endpointId, deliveryId);
        WebhookSender.Result result = sender.send(resend.endpoint().url(), resend.secret(), resend.event());
        return webhooks.resent(actor, resend, result);
    }
}
