package dev.cascadestudio.service;

import dev.cascadestudio.domain.ForeignKeyRule;

/**
 * One node on the way from the top of the tree to a row, as {@link TreeService#locate} returns it:
 * a user or "Unowned" at the top, then alternately a group and a row in that group.
 */
public sealed interface TreeStep {

    /** A user at the top level. */
    record UserStep(RowRef user) implements TreeStep {}

    /** The top-level node that gathers rows without a live owner or parent. */
    record UnownedStep() implements TreeStep {}

    /** A group under the previous step; {@code parentUid} null for a group under "Unowned". */
    record GroupStep(ForeignKeyRule rule, String parentUid) implements TreeStep {}

    /** A row of the previous group, at {@code position} in the group's order (name, uid, version). */
    record RowStep(RowRef row, long position) implements TreeStep {}
}
