package com.rollcall.console.groups;

import com.rollcall.access.DeletedGroupService;
import com.rollcall.access.DeletedGroupView;
import com.rollcall.console.ConsoleFormat;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Pager;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.groups.GroupDirectoryService.GroupRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /console/groups/list.xhtml: the enterprise's user groups, searchable by name, paged, with external id, members and
 * mappings (same-named groups are told apart by the first two); and, below, the groups deleted by the identity
 * provider whose mappings are kept, awaiting a restore or a discard.
 */
@Named
@ViewScoped
public class GroupListBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    private GroupDirectoryService directory;

    @Inject
    private DeletedGroupService deletedGroups;

    @Inject
    private ConsoleSession session;

    private final Pager pager = new Pager(PAGE_SIZE, this::load);
    private final Pager deletedPager = new Pager(PAGE_SIZE, this::loadDeleted);
    private String filter;
    private List<GroupRow> rows = List.of();
    private List<DeletedGroupView> deleted = List.of();

    @PostConstruct
    void open() {
        load();
        loadDeleted();
    }

    private void loadDeleted() {
        var page = deletedGroups.deletedGroups(session.enterpriseId(), deletedPager.start() - 1, PAGE_SIZE);
        if (page.groups().isEmpty() && deletedPager.start() > 1) {
            deletedPager.reset();
            page = deletedGroups.deletedGroups(session.enterpriseId(), 0, PAGE_SIZE);
        }
        deleted = page.groups();
        deletedPager.total(page.total());
    }

    /** "Deleted by the identity provider on 2026-03-01 14:05 UTC, 3 mappings kept". */
    public String deletedText(DeletedGroupView group) {
        return deletedText(group, new ConsoleFormat().time(group.deletedAt()));
    }

    static String deletedText(DeletedGroupView group, String when) {
        int kept = group.keptMappings().size();
        return "Deleted by the identity provider on " + when + ", " + com.rollcall.platform.text.Plural.count(kept, "mapping") + " kept";
    }

    public void search() {
        pager.reset();
        load();
    }

    public void clear() {
        filter = null;
        search();
    }

    private void load() {
        var page = directory.groups(session.enterpriseId(), filter, pager.start() - 1, PAGE_SIZE);
        if (page.rows().isEmpty() && pager.start() > 1) {
            pager.reset();
            page = directory.groups(session.enterpriseId(), filter, 0, PAGE_SIZE);
        }
        rows = page.rows();
        pager.total(page.total());
    }

    public List<GroupRow> getRows() { return rows; }
    public Pager getPager() { return pager; }
    public List<DeletedGroupView> getDeleted() { return deleted; }
    public Pager getDeletedPager() { return deletedPager; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
}
