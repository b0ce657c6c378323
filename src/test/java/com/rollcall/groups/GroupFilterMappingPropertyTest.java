package com.rollcall.groups;

import com.rollcall.platform.query.FilterTranslationProperty;
import org.junit.jupiter.api.Test;

/** Generated filters on Groups become one JPQL query with bound values, or invalidFilter ({@link FilterTranslationProperty}). */
class GroupFilterMappingPropertyTest {
    @Test
    void everyParsedGroupFilterBecomesBoundJpqlOrInvalidFilter() {
        FilterTranslationProperty.check("Group", GroupFilterMapping.MAPPING);
    }
}
