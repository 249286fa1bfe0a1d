package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.UserSummary;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the details pane shows for one list entry, already in words. */
public record UserDetails(String kind, String initial, String name, String description,
                          String projects, String created, String uid, boolean unowned) {

    /** The controller's timestamps, to the minute; the same in every locale, as administrators compare them. */
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    static final String NONE = "—";

    static UserDetails of(UserSummary user) {
        if (user == null) {
            return null;
        }
        String name = user.name() == null || user.name().isBlank() ? "(no name)" : user.name();
        String description = user.description() == null || user.description().isBlank()
                ? "No description" : user.description();
        return new UserDetails(
                user.isUnowned() ? "Projects without an owner" : "User",
                user.isUnowned() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT),
                name,
                description,
                projectCount(user.projectCount()),
                user.created() == null ? NONE : CREATED.format(user.created()),
                user.isUnowned() ? NONE : user.uid(),
                user.isUnowned());
    }

    static String projectCount(long count) {
        if (count == 0) {
            return "No projects";
        }
        return count == 1 ? "1 project" : String.format("%,d projects", count);
    }
}
