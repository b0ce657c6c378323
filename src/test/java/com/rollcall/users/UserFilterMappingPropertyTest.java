package com.rollcall.users;

import com.rollcall.platform.query.FilterTranslationProperty;
import org.junit.jupiter.api.Test;

/** Generated filters on Users become one JPQL query with bound values, or invalidFilter ({@link FilterTranslationProperty}). */
class UserFilterMappingPropertyTest {
    @Test
    void everyParsedUserFilterBecomesBoundJpqlOrInvalidFilter() {
        FilterTranslationProperty.check("User", UserFilterMapping.MAPPING);
    }
}
