package com.rollcall.scim.filter;

/**
 * A typed operation over a {@link Filter} tree, one method per node type (the in-memory
 * {@link FilterEvaluator}, a query translator...). Start it with {@link Filter#accept}.
 *
 * @param <R> the result of visiting a node
 */
public interface FilterVisitor<R> {
    R visitComparison(Filter.Comparison comparison);

    R visitPresent(Filter.Present present);

    R visitAnd(Filter.And and);

    R visitOr(Filter.Or or);

    R visitNot(Filter.Not not);

    R visitValuePath(Filter.ValuePath valuePath);
}
