package com.rollcall.scim.filter;

/** Renders filters as canonical text: lower-case keywords, JSON-escaped strings, parentheses only where needed. */
final class FilterText implements FilterVisitor<String> {
    private static final FilterText INSTANCE = new FilterText();

    private FilterText() {
    }

    static String render(Filter filter) {
        return filter.accept(INSTANCE);
    }

    static String quote(String value) {
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    @Override
    public String visitComparison(Filter.Comparison comparison) {
        return comparison.path() + " " + comparison.operator().keyword() + " " + comparison.value();
    }

    @Override
    public String visitPresent(Filter.Present present) {
        return present.path() + " pr";
    }

    @Override
    public String visitAnd(Filter.And and) {
        boolean groupLeft = and.left() instanceof Filter.Or;
        boolean groupRight = and.right() instanceof Filter.Or || and.right() instanceof Filter.And;
        return operand(and.left(), groupLeft) + " and " + operand(and.right(), groupRight);
    }

    @Override
    public String visitOr(Filter.Or or) {
        return operand(or.left(), false) + " or " + operand(or.right(), or.right() instanceof Filter.Or);
    }

    @Override
    public String visitNot(Filter.Not not) {
        return "not (" + render(not.filter()) + ")";
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        return valuePath.attribute() + "[" + render(valuePath.filter()) + "]";
    }

    private static String operand(Filter filter, boolean group) {
        return group ? "(" + render(filter) + ")" : render(filter);
    }
}
