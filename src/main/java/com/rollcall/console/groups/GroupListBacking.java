package com.rollcall.console.groups;

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

/** /console/groups/list.xhtml: the enterprise's user groups, searchable by name, paged, with members and mappings. */
@Named
@ViewScoped
public class GroupListBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    private transient GroupDirectoryService directory;

    @Inject
    private transient ConsoleSession session;

    private final Pager pager = new Pager(PAGE_SIZE, this::load);
    private String filter;
    private List<GroupRow> rows = List.of();

    @PostConstruct
    void open() {
        load();
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
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
}
