package com.rollcall.groups;

import java.util.List;
import java.util.Map;

/**
 * What each group is mapped to, in plain words ("Editor in EMEA", "Enterprise Admin (enterprise level)"), for
 * the console's group list. Implemented by the access room, which owns mappings; groups only ask.
 */
public interface MappingSummaries {
    Map<Long, List<String>> of(long enterpriseId, List<Long> groupIds);
}
