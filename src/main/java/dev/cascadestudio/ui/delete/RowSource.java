package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import java.util.List;

/** Where the affected-rows tree reads a page of an effect's rows: the database for a preview, a snapshot for a past delete. Blocks: background work only. */
@FunctionalInterface
public interface RowSource {
    List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit);
}
