package dev.cascadestudio.service;

import dev.cascadestudio.domain.ForeignKeyRule;

/**
 * A group node of the tree: the rows of {@code rule.childTable()} whose {@code rule.column()} points
 * at the row {@code parentUid}, or, when {@code parentUid} is null, whose column is NULL or points
 * at a row that no longer exists (the groups under "Unowned").
 */
public record TreeGroup(ForeignKeyRule rule, String parentUid, long count) {

    public boolean orphans() {
        return parentUid == null;
    }
}
