package com.rollcall.console.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.access.MappingPreview;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mapping editor's preview sentence for each kind of preview the service answers. */
class MappingPreviewTextTest {
    static Stream<Arguments> previews() {
        return Stream.of(
                Arguments.of(new MappingPreview(0, 0, true, false, List.of(), 0, 0, 100), true,
                        "The group has no members yet: no user's effective role changes now."),
                Arguments.of(new MappingPreview(3, 0, true, false, List.of(), 0, 0, 100), true,
                        "Adding this mapping changes no user's effective role (the group's 3 members keep a role that wins anyway)."),
                Arguments.of(new MappingPreview(2, 1, true, false, List.of(), 0, 0, 100), false,
                        "Removing this mapping changes the effective role of 1 user of the group's 2 members."),
                Arguments.of(new MappingPreview(1200, 1200, true, true, List.of(), 0, 0, 100), true,
                        "Adding this mapping changes the effective role of 1,200 users of the group's 1,200 members. The group "
                                + "is large: the change runs in the background and this page shows its progress."),
                Arguments.of(new MappingPreview(25000, 25000, false, true, List.of(), 0, 0, 100), false,
                        "Removing this mapping may change the effective role of up to 25,000 users (too many members to "
                                + "simulate). The group is large: the change runs in the background and this page shows its progress."),
                Arguments.of(new MappingPreview(2, 1, true, false, List.of(new MappingPreview.RoleChange("u1", "kim@example.com",
                        "in EMEA", "Editor", null)), 0, 1, 3), false,
                        "Removing this mapping changes the effective role of 1 user of the group's 2 members. It frees 1 license "
                                + "(3 free now). kim@example.com: Editor → no role in EMEA."),
                Arguments.of(new MappingPreview(4, 2, true, false, List.of(
                        new MappingPreview.RoleChange("u1", "ann@example.com", "in EMEA", null, "Contributor"),
                        new MappingPreview.RoleChange("u2", "bob@example.com", "in EMEA", null, "Contributor")), 2, 0, 1), true,
                        "Adding this mapping changes the effective role of 2 users of the group's 4 members. It takes 2 licenses "
                                + "(1 free now). That is 1 license more than are free: the change would be refused. Free licenses "
                                + "or ask for more first. ann@example.com: no role → Contributor in EMEA; bob@example.com: no role "
                                + "→ Contributor in EMEA."));
    }

    @ParameterizedTest
    @MethodSource("previews")
    void saysWhatTheChangeDoes(MappingPreview preview, boolean adding, String expected) {
        assertEquals(expected, GroupDetailBacking.previewText(preview, adding));
    }
}
