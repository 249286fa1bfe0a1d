package dev.cascadestudio.cli;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.TreeService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tree", mixinStandardHelpOptions = true,
        description = "Print the database as a tree: users, their projects and sessions, the projects' children, and so on.")
final class TreeCommand implements Callable<Integer> {

    private static final int SHOWN = 50;

    @Mixin DbOptions db;

    @Option(names = "--depth", defaultValue = "2",
            description = "Levels of rows below the users: 1 projects and sessions, 2 their children, 3 a workflow's, 4 a schedule's runs (default ${DEFAULT-VALUE}).")
    int depth;

    private TreeService tree;

    @Override
    public Integer call() {
        if (depth < 0 || depth > 4) {
            throw new IllegalArgumentException("--depth must be between 0 and 4; " + depth + " was given.");
        }
        try (DatabaseSession session = db.openReadOnly()) {
            tree = session.tree();
            for (RowRef user : tree.users()) {
                System.out.println(TerminalText.name(user.name()) + "  [user " + TerminalText.safe(user.uid()) + "]");
                children(user, 1, 1);
            }
            System.out.println("(no owner)");
            for (ForeignKeyRule group : tree.childGroups("user")) {
                printGroup(group, null, 1, 1);
            }
            return CliErrors.DONE;
        }
    }

    /** Prints the groups under {@code row}, whose children sit {@code rowDepth} levels below the users. */
    private void children(RowRef row, int rowDepth, int level) {
        if (rowDepth > depth) return;
        for (ForeignKeyRule group : tree.childGroups(row.table())) {
            printGroup(group, row.uid(), rowDepth, level);
        }
    }

    private void printGroup(ForeignKeyRule group, String parentUid, int rowDepth, int level) {
        List<RowRef> rows = tree.rows(group, parentUid, 0, SHOWN + 1);
        if (rows.isEmpty()) return;
        String indent = "  ".repeat(level);
        System.out.println(indent + group.childTable() + " (" + group.column() + ")");
        for (int i = 0; i < Math.min(SHOWN, rows.size()); i++) {
            RowRef r = rows.get(i);
            System.out.println(indent + "  " + TerminalText.name(r.name()) + "  [" + TerminalText.safe(r.uid())
                    + (r.version() == null || r.version().isEmpty() ? "" : "@" + TerminalText.safe(r.version())) + "]");
            children(r, rowDepth + 1, level + 2);
        }
        if (rows.size() > SHOWN) System.out.println(indent + "  …");
    }
}
