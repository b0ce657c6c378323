package com.rollcall.console.groups;

import com.rollcall.console.access.ConsoleActions;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.groups.GroupDirectoryService.GroupRow;
import com.rollcall.groups.GroupDirectoryService.Page;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** /console/groups/list.xhtml: the enterprise's user groups, searchable by name, paged, with members and mappings. */
@Named
@ViewScoped
public class GroupListBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    private transient GroupDirectoryService directory;

    @Inject
    private transient ConsoleActions actions;

    private String filter;
    private int offset;
    private Page<GroupRow> page;

    /** f:viewAction: admins only; reads the first page. */
    public void open() {
        if (actions.requireAdmin()) {
            load();
        }
    }

    public void search() {
        offset = 0;
        load();
    }

    public void clear() {
        filter = null;
        search();
    }

    public void next() {
        if (getHasNext()) {
            offset += PAGE_SIZE;
            load();
        }
    }

    public void previous() {
        offset = Math.max(0, offset - PAGE_SIZE);
        load();
    }

    public void first() {
        offset = 0;
        load();
    }

    private void load() {
        page = directory.groups(actions.enterpriseId(), filter, offset, PAGE_SIZE);
        if (page.rows().isEmpty() && offset > 0) {
            offset = 0;
            page = directory.groups(actions.enterpriseId(), filter, offset, PAGE_SIZE);
        }
    }

    public Page<GroupRow> getPage() { return page; }
    public boolean getHasNext() { return page != null && offset + PAGE_SIZE < page.total(); }
    public boolean getHasPrevious() { return offset > 0; }
    public String getRange() { return Paging.range(page); }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
}
