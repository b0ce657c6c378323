package com.rollcall.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How webhooks are delivered, from MicroProfile Config (system properties or environment variables such as
 * {@code ROLLCALL_WEBHOOKS_RETRY_BASEMILLIS}):
 * <ul>
 * <li>{@code rollcall.webhooks.retry.baseMillis} (10,000) and {@code rollcall.webhooks.retry.maxMillis} (3,600,000):
 * the n-th retry of a failed delivery waits base × 2^(n−1), at most max, with jitter (between half and all of it);</li>
 * <li>{@code rollcall.webhooks.disableAfterSeconds} (259,200 = 72 hours): an endpoint failing for longer than this
 * is disabled, with the reason, so it is retried for at least 24 hours;</li>
 * <li>{@code rollcall.webhooks.timeoutMillis} (10,000): the time an endpoint has to answer;</li>
 * <li>{@code rollcall.webhooks.pollMillis} (1,000): how often an instance looks for deliveries due;</li>
 * <li>{@code rollcall.webhooks.allowedPrivateHosts} (empty): hosts that may be called although they resolve to private
 * or loopback addresses ({@link WebhookUrls}).</li>
 * </ul>
 */
public record WebhookSettings(long baseMillis, long maxMillis, Duration disableAfter, Duration timeout, long pollMillis,
        WebhookUrls urls) {

    private static volatile WebhookSettings current;

    public static WebhookSettings get() {
        WebhookSettings settings = current;
        if (settings == null) {
            Config config = ConfigProvider.getConfig();
            settings = new WebhookSettings(
                    config.getOptionalValue("rollcall.webhooks.retry.baseMillis", Long.class).orElse(10_000L),
                    config.getOptionalValue("rollcall.webhooks.retry.maxMillis", Long.class).orElse(3_600_000L),
                    Duration.ofSeconds(config.getOptionalValue("rollcall.webhooks.disableAfterSeconds", Long.class)
                            .orElse(259_200L)),
                    Duration.ofMillis(config.getOptionalValue("rollcall.webhooks.timeoutMillis", Long.class).orElse(10_000L)),
                    config.getOptionalValue("rollcall.webhooks.pollMillis", Long.class).orElse(1_000L),
                    new WebhookUrls(config.getOptionalValue("rollcall.webhooks.allowedPrivateHosts", String.class).orElse("")));
            current = settings;
        }
        return settings;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry), with jitter. */
    public Duration backoff(int attempt) {
        long exponential = baseMillis << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.max(1, Math.min(maxMillis, exponential < 0 ? maxMillis : exponential));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
