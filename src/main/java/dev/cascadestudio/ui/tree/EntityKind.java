package dev.cascadestudio.ui.tree;

import java.util.Arrays;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The twelve kinds of rows, in words and as an icon, the same in the tree, the search and the details. */
public enum EntityKind {
    USER("user", "User", "Users", "owner", Material2OutlinedMZ.PERSON),
    PROJECT("project", "Project", "Projects", "project", Material2OutlinedAL.FOLDER),
    DATA_SOURCE("data_source", "Data source", "Data sources", "data source", Material2OutlinedMZ.STORAGE),
    DATASET("dataset", "Dataset", "Datasets", "dataset", Material2OutlinedMZ.TABLE_CHART),
    MODEL("model", "Model", "Models", "model", Material2OutlinedMZ.PSYCHOLOGY),
    PROMPT("prompt", "Prompt", "Prompts", "prompt", Material2OutlinedAL.CHAT_BUBBLE_OUTLINE),
    DOCUMENT("document", "Document", "Documents", "document", Material2OutlinedAL.DESCRIPTION),
    WORKFLOW("workflow", "Workflow", "Workflows", "workflow", Material2OutlinedAL.DEVICE_HUB),
    SESSION("session", "Session", "Sessions", "session", Material2OutlinedAL.FORUM),
    DEPLOYMENT("deployment", "Deployment", "Deployments", "deployment", Material2OutlinedMZ.ROCKET),
    SCHEDULE("schedule", "Schedule", "Schedules", "schedule", Material2OutlinedMZ.SCHEDULE),
    RUN("run", "Run", "Runs", "run", Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE);

    private final String table;
    private final String singular;
    private final String plural;
    private final String asParent;
    private final Ikon icon;

    EntityKind(String table, String singular, String plural, String asParent, Ikon icon) {
        this.table = table;
        this.singular = singular;
        this.plural = plural;
        this.asParent = asParent;
        this.icon = icon;
    }

    public static EntityKind of(String table) {
        return Arrays.stream(values()).filter(k -> k.table.equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kind for table " + table));
    }

    public String table() { return table; }
    public String singular() { return singular; }
    public String plural() { return plural; }
    /** How a child names a row of this kind it points at: "without owner", "without workflow". */
    public String asParent() { return asParent; }
    public Ikon icon() { return icon; }
}
