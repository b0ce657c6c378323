package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.PatchFixtures.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PATCH paths resolved against a resource type on their own: what they target, what is ignored, what is refused. */
class TargetTest {
    private static final ResourceTypeDefinition USER = ScimSchemas.USER_RESOURCE_TYPE;
    private static final ResourceTypeDefinition GROUP = ScimSchemas.GROUP_RESOURCE_TYPE;
    private static final String ENTERPRISE = PatchFixtures.ENTERPRISE;

    /** (type, path, "schema attribute[.sub] [filter .sub] rule?" as resolved). */
    static Stream<Arguments> targets() {
        return Stream.of(
                arguments(USER, "NAME.givenname", "core name.givenName"),
                arguments(USER, "department", "enterprise department"),
                arguments(USER, ENTERPRISE + ":manager", "enterprise manager ruled"),
                arguments(USER, "manager.value", "enterprise manager.value ruled"),
                arguments(USER, "manager.$ref", "enterprise manager.$ref"),
                arguments(USER, "emails[type eq \"work\"].value", "core emails [filter].value"),
                arguments(GROUP, "members[value eq \"u-1\"]", "core members [filter]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("targets")
    void resolvesPathsToTheirAttribute(ResourceTypeDefinition type, String path, String expected) {
        Target target = Target.resolve(type, PatchPath.parse(path), true).orElseThrow();
        String schema = target.schemaUrn().equals(ENTERPRISE) ? "enterprise" : "core";
        String described = schema + " " + target.attribute().name()
                + (target.subAttribute() == null ? "" : "." + target.subAttribute().name())
                + (target.filter() == null ? "" : " [filter]")
                + (target.filterSubAttribute() == null ? "" : "." + target.filterSubAttribute().name())
                + (target.rule() == null ? "" : " ruled");
        assertEquals(expected, described);
    }

    /** (path, explicit): operations that are ignored, never refused. */
    static Stream<Arguments> ignored() {
        return Stream.of(
                arguments("urn:example:unknown:1.0:Badge:number", true),
                arguments("roles", true),
                arguments("roles[primary eq true].value", true),
                arguments("password", true),
                arguments("nickname2", false),
                arguments("name.nickname", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ignored")
    void ignoresWhatEntraSendsThatRollcallDoesNotKeep(String path, boolean explicit) {
        assertEquals(Optional.empty(), Target.resolve(USER, PatchPath.parse(path), explicit));
    }

    /** (path, scimType, what the detail starts with). */
    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("nickname2", ScimErrorType.INVALID_PATH, "'nickname2' is not an attribute of User resources."),
                arguments("name.nickname", ScimErrorType.INVALID_PATH, "'name.nickname' is not an attribute of User resources: "),
                arguments("title[value eq \"x\"]", ScimErrorType.INVALID_PATH, "'title[value eq \"x\"]': a value filter needs"),
                arguments("emails[type eq \"work\"].nope", ScimErrorType.INVALID_PATH, "'emails[type eq \"work\"].nope': 'emails' has no"),
                arguments("emails[nope eq \"work\"]", ScimErrorType.INVALID_FILTER, "'emails[nope eq \"work\"]': 'emails' has no sub-attribute 'nope'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesExplicitPathsToWhatTheTypeDoesNotHave(String path, ScimErrorType type, String detailStart) {
        String detail = assertScimError(type, () -> Target.resolve(USER, PatchPath.parse(path), true)).detail();
        assertTrue(detail.startsWith(detailStart), detail);
    }
}
