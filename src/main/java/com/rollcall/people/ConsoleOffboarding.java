package com.rollcall.people;

import com.rollcall.users.UserDeparted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Offboarding follows the identity provider: when a user is deactivated or deleted (by SCIM, or by hand), the
 * console logins of the same enterprise whose email the user had are disabled in the same transaction. Their open
 * sessions end at their next request (the console's session check). Re-enabling is an admin's decision.
 */
@ApplicationScoped
public class ConsoleOffboarding {
    @Inject
    private PeopleService people;

    void userDeparted(@Observes UserDeparted departed) {
        people.disableLinked(departed.actor(), departed.enterpriseId(), departed.emailKeys(), departed.userName(),
                departed.deleted());
    }
}
