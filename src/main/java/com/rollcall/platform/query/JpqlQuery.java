package com.rollcall.platform.query;

import java.util.Map;

/** A JPQL boolean condition and its named parameters, ready to be appended to a WHERE clause. */
public record JpqlQuery(String condition, Map<String, Object> parameters) {
    public JpqlQuery {
        parameters = Map.copyOf(parameters);
    }
}
