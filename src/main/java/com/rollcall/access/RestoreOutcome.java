package com.rollcall.access;

import java.io.Serializable;
import java.util.List;

/**
 * Kept mappings restored onto a live group: those now active on it, those skipped because it already had them
 * (deleted from the kept ones: the target gives those roles already), and either the number of users whose
 * effective role changed (applied at once, {@code remapJobId} null) or the background job applying it.
 */
public record RestoreOutcome(String targetScimId, String targetDisplayName, List<KeptMappingView> restored,
        List<KeptMappingView> skipped, int usersChanged, Long remapJobId) implements Serializable {
}
