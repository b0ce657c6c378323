package com.rollcall.people;

/** A console login as the console sees it (never the hash). */
public record ConsoleUserView(long id, long enterpriseId, String login, String displayName, ConsoleRole role) {
    static ConsoleUserView of(ConsoleUser u) {
        return new ConsoleUserView(u.id(), u.enterpriseId(), u.login(), u.displayName(), u.role());
    }
}
