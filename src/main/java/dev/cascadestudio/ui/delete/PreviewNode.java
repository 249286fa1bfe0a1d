package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.AffectedRow;

/** What one line of the affected-rows tree stands for. */
sealed interface PreviewNode {

    EffectGroup group();

    /** A table's deleted rows or a column's nulled rows, with their count. */
    record Group(EffectGroup group) implements PreviewNode {}

    /** One affected row. */
    record Row(EffectGroup group, AffectedRow row) implements PreviewNode {
        /** A row the administrator selected, as opposed to one the cascade reaches. */
        boolean root() {
            return row.route() != null && row.route().edges().isEmpty();
        }
    }

    /** The line after the rows read so far: "Show more", or "Loading…" while a page is read. */
    record More(EffectGroup group) implements PreviewNode {}
}
