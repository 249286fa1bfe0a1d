package dev.cascadestudio.service;

import java.util.List;

/**
 * Where a row sits in the tree, as a search result shows it: its live owners from the top (a
 * user first) down to its parent. {@code unowned} when the chain ends under "Unowned" because an
 * owner or parent is gone; the owners then hold the part of the chain that is still there.
 */
public record Placement(RowRef row, List<RowRef> owners, boolean unowned) {

    public Placement {
        owners = List.copyOf(owners);
    }

    /** "alice / customer-support-assistant / ticket-triage", "Unowned / …", or "" for a user. */
    public String where(String separator, String unownedWord) {
        StringBuilder text = new StringBuilder(unowned ? unownedWord : "");
        for (RowRef owner : owners) {
            if (!text.isEmpty()) {
                text.append(separator);
            }
            text.append(DisplayNames.of(owner.name()));
        }
        return text.toString();
    }
}
