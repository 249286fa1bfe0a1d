package dev.cascadestudio.service;

import java.time.LocalDateTime;

/**
 * A user as the first window lists it. {@code uid} is null for the "Unowned" entry, which gathers
 * the projects whose {@code owner_id} is NULL or points to a user that no longer exists.
 */
public record UserSummary(String uid, String name, String description, long projectCount, LocalDateTime created) {

    public boolean isUnowned() {
        return uid == null;
    }
}
