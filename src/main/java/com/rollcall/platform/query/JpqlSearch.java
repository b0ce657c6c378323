package com.rollcall.platform.query;

import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.PathParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ListQuery} against one entity of one enterprise: the filter compiled to one JPQL
 * condition, {@code totalResults} by COUNT in the database (skipped when the page itself shows where
 * the matches end), the page by offset/limit in a stable order
 * (the sort attribute, then the primary key); a page past the first reads the ids it skips, not their rows.
 */
public final class JpqlSearch {
    private JpqlSearch() {
    }

    /** A page of entities and the total number of matches. */
    public record Page<T>(long totalResults, List<T> items) {
    }

    /**
     * @param from  e.g. {@code "UserAccount u"}
     * @param scope the tenant (and liveness) condition, using {@code :enterpriseId}
     * @param idPath the stable tie-breaker, e.g. {@code "u.id"}
     */
    public static <T> Page<T> run(EntityManager em, Class<T> type, String from, String scope, long enterpriseId,
            FilterMapping mapping, ListQuery query, String idPath, Map<String, String> hints) {
        JpqlQuery where = query.filter() == null ? null : JpqlFilterTranslator.translate(query.filter(), mapping);
        String body = " FROM " + from + " WHERE " + scope + (where == null ? "" : " AND " + where.condition());
        String alias = from.substring(from.indexOf(' ') + 1);
        if (query.count() > 0) {
            String order = " ORDER BY " + orderBy(mapping, query, idPath);
            List<T> items = query.startIndex() > 1
                    ? pageAfterSkipping(em, type, alias, from, scope, body, idPath, order, enterpriseId, where, query, hints)
                    : firstPage(em, type, alias, body, order, enterpriseId, where, query, hints);
            // A page that is not full, and not empty past the first, is the end of the matches: it tells the
            // total without a COUNT (an Entra lookup by userName is one statement, hit or miss).
            if (items.size() < query.count() && (!items.isEmpty() || query.startIndex() == 1)) {
                return new Page<>(query.startIndex() - 1L + items.size(), items);
            }
            return new Page<>(count(em, body, alias, enterpriseId, where), items);
        }
        return new Page<>(count(em, body, alias, enterpriseId, where), List.of());
    }

    private static <T> List<T> firstPage(EntityManager em, Class<T> type, String alias, String body, String order,
            long enterpriseId, JpqlQuery where, ListQuery query, Map<String, String> hints) {
        TypedQuery<T> page = em.createQuery("SELECT " + alias + body + order, type).setMaxResults(query.count());
        bind(page, enterpriseId, where);
        hints.forEach(page::setHint);
        return page.getResultList();
    }

    /**
     * A page after the first: the ids of the page first (the skipped matches are read as ids only, which the
     * tenant's index holds for an unfiltered list, so the database does not fetch the row of every user it skips),
     * then the page's entities by those ids, in the same order. An OFFSET still costs what it skips, but a
     * 900,000-user skip reads index entries instead of 900,000 rows.
     */
    private static <T> List<T> pageAfterSkipping(EntityManager em, Class<T> type, String alias, String from, String scope,
            String body, String idPath, String order, long enterpriseId, JpqlQuery where, ListQuery query,
            Map<String, String> hints) {
        TypedQuery<Object> ids = em.createQuery("SELECT " + idPath + body + order, Object.class)
                .setFirstResult(query.startIndex() - 1)
                .setMaxResults(query.count());
        bind(ids, enterpriseId, where);
        List<Object> pageIds = ids.getResultList();
        if (pageIds.isEmpty()) {
            return List.of();
        }
        TypedQuery<T> page = em.createQuery("SELECT " + alias + " FROM " + from
                + " WHERE " + scope + " AND " + idPath + " IN :pageIds" + order, type);
        page.setParameter("enterpriseId", enterpriseId);
        page.setParameter("pageIds", pageIds);
        hints.forEach(page::setHint);
        return page.getResultList();
    }

    private static long count(EntityManager em, String body, String alias, long enterpriseId, JpqlQuery where) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + body, Long.class);
        bind(count, enterpriseId, where);
        return count.getSingleResult();
    }

    private static void bind(TypedQuery<?> query, long enterpriseId, JpqlQuery where) {
        query.setParameter("enterpriseId", enterpriseId);
        if (where != null) {
            where.parameters().forEach(query::setParameter);
        }
    }

    static String orderBy(FilterMapping mapping, ListQuery query, String idPath) {
        String direction = query.descending() ? " DESC" : " ASC";
        if (query.sortBy() == null) {
            return idPath + direction;
        }
        var path = PathParser.parseAttributePath(query.sortBy());
        String key = (path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(mapping.coreSchemaUrn())
                ? "" : path.schemaUrn() + ":") + path.name() + (path.subAttribute() == null ? "" : "." + path.subAttribute());
        Field field = mapping.field(key).orElseThrow(() -> ScimException.invalidValue(
                "Cannot sort by '" + query.sortBy() + "': sort by a single-valued attribute such as userName."));
        String column = field.kind() == FieldKind.STRING && !field.caseExact() ? "LOWER(" + field.path() + ")" : field.path();
        return column + direction + ", " + idPath + direction;
    }
}
