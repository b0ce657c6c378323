package com.rollcall.scim.filter;

import com.rollcall.scim.path.AttributePath;
import java.util.Objects;

/**
 * An immutable SCIM filter (RFC 7644 §3.4.2.2), as parsed by {@link FilterParser}. Inside a
 * {@link ValuePath}, attribute paths are relative to the multi-valued attribute ({@code type},
 * {@code value}). {@code toString()} renders canonical filter text that parses back to an equal tree.
 */
public sealed interface Filter {

    /** Calls the visitor's method for this node type. */
    <R> R accept(FilterVisitor<R> visitor);

    /** {@code path op value}, e.g. {@code userName eq "bjensen"}. */
    record Comparison(AttributePath path, Operator operator, Literal value) implements Filter {
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitComparison(this);
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code path pr}: the attribute has a non-empty value. */
    record Present(AttributePath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitPresent(this);
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code left and right}. */
    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code left or right}. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitOr(this);
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code not (filter)}. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitNot(this);
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /**
     * {@code attribute[filter]}: some value of the multi-valued (or complex) attribute matches
     * {@code filter}, whose paths are relative to that value. Entra's
     * {@code emails[type eq "work"].value eq "x"} is {@code emails[type eq "work" and value eq "x"]}.
     */
    record ValuePath(AttributePath attribute, Filter filter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(filter, "filter");
            if (attribute.subAttribute() != null) {
                throw new IllegalArgumentException("A value filter cannot follow a sub-attribute");
            }
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitValuePath(this);
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }
}
