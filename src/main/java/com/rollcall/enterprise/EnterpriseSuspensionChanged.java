package com.rollcall.enterprise;

/**
 * An enterprise was suspended or resumed: whoever caches its callers forgets them once the change commits, so
 * this instance applies it at once (other instances within their cache's few seconds).
 */
public record EnterpriseSuspensionChanged(long enterpriseId, boolean suspended) {
}
