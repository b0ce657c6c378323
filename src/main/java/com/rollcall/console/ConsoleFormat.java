package com.rollcall.console;

import com.rollcall.people.ConsoleRole;
import com.rollcall.people.ConsoleUserView;
import com.rollcall.platform.text.Plural;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How console pages write times and numbers ({@code #{fmt.time(x)}}): all times are UTC, said so. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** "2026-03-01 14:05 UTC", or "never" for null. */
    public String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant) + " UTC";
    }

    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant) + " UTC";
    }

    /** "3 minutes ago", "2 days ago"; "never" for null. */
    public String ago(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration d = Duration.between(instant, Instant.now());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        return plural(d.toDays(), "day") + " ago";
    }

    public String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "Enterprise Admin" or "Integrations Manager". */
    public String consoleRole(ConsoleRole role) {
        return role == null ? "" : role == ConsoleRole.ENTERPRISE_ADMIN ? "Enterprise Admin" : "Integrations Manager";
    }

    /** A console login's status in words: "Invited", "Invitation expired", "Active", "Disabled", "Locked". */
    public String consoleStatus(ConsoleUserView login) {
        if (login.invitationExpired(Instant.now())) {
            return "Invitation expired";
        }
        return switch (login.status()) {
            case INVITED -> "Invited";
            case ACTIVE -> "Active";
            case DISABLED -> "Disabled";
            case LOCKED -> "Locked";
        };
    }

    /** The badge style of a console login's status. */
    public String consoleStatusStyle(ConsoleUserView login) {
        if (login.invitationExpired(Instant.now())) {
            return "danger";
        }
        return switch (login.status()) {
            case INVITED -> "warn";
            case ACTIVE -> "ok";
            case DISABLED -> "off";
            case LOCKED -> "danger";
        };
    }

    static String plural(long n, String unit) {
        return Plural.count(n, unit);
    }

    /** {@code #{fmt.count(3, 'member')}}: "3 members", "1 member" (the one pluralisation, {@link Plural}). */
    public String count(long n, String singular) {
        return Plural.count(n, singular);
    }

    /** "1 identifier is", "2 identifiers are". */
    public String countIs(long n, String singular) {
        return Plural.countIs(n, singular);
    }

    /** "1 user has", "2 users have". */
    public String countHas(long n, String singular) {
        return Plural.countHas(n, singular);
    }
}
