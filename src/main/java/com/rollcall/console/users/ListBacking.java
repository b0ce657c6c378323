package com.rollcall.console.users;

import com.rollcall.access.EffectiveAccessService;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.console.Pager;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.users.ManualUserService;
import com.rollcall.users.UserDirectoryService;
import com.rollcall.users.UserRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * /console/users/list.xhtml: the enterprise's users, searchable and paged in the database. While the connected
 * system manages users (PRODUCT.md rule 1) there is no Create button, and the page says why.
 */
@Named("usersList")
@ViewScoped
public class ListBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    @Inject
    private UserDirectoryService directory;

    @Inject
    private EffectiveAccessService access;

    @Inject
    private ConsoleSession session;

    @Inject
    private EnterpriseService enterprises;

    private final Pager pager = new Pager(PAGE_SIZE, this::reload);
    private String query;
    private List<UserRow> rows = List.of();
    private Map<String, String> roleSummaries = Map.of();
    private String addingRefusedReason;
    private String note;

    @PostConstruct
    void load() {
        addingRefusedReason = ManualUserService.addingRefusedReason(
                enterprises.find(session.enterpriseId()).orElseThrow().provisioningMode()).orElse(null);
        reload();
    }

    public void search() {
        pager.reset();
        reload();
    }

    void reload() {
        UserDirectoryService.UserPage page = directory.search(session.enterpriseId(), query, pager.start(), pager.size());
        rows = page.rows();
        pager.total(page.total(), page.more());
        note = null;
        if (page.problem() != null) {
            Feedback.warn(page.problem());
        } else if (page.more() && query != null && !query.isBlank()) {
            note = String.format("More than %,d users match; refine the search.", page.total());
        } else if (page.contains() && !rows.isEmpty()) {
            note = "No user name, email or employee ID starts with this; these contain it.";
        }
        roleSummaries = rows.isEmpty() ? Map.of()
                : access.roleSummaries(session.enterpriseId(), rows.stream().map(UserRow::scimId).toList());
    }

    /** The user's effective roles in plain words, or "No role". */
    public String roles(UserRow row) {
        return roleSummaries.getOrDefault(row.scimId(), "No role");
    }

    /** Why users cannot be added by hand now, or null when they can. */
    public String getAddingRefusedReason() { return addingRefusedReason; }
    public Pager getPager() { return pager; }
    /** What to know about the search's matches (bounded count, contains-matching), or null. */
    public String getNote() { return note; }
    public List<UserRow> getRows() { return rows; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
}
