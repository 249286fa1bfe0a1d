package dev.cascadestudio.ui;

import java.util.List;

/**
 * The window's command-line options. {@code --db=JDBC_URL} (or {@code --db JDBC_URL}) opens that
 * database; without it the embedded database in the per-user data directory is opened, and created
 * with demo data on first start. Any database but the embedded one opens read-only unless
 * {@code --write} is given too (the toolbar's Edit switches later).
 */
record LaunchOptions(String databaseUrl, boolean write) {

    static LaunchOptions parse(List<String> args) {
        String url = null;
        boolean write = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--write")) {
                write = true;
            } else if (arg.startsWith("--db=")) {
                url = arg.substring("--db=".length());
            } else if (arg.equals("--db") && i + 1 < args.size()) {
                url = args.get(++i);
            }
        }
        return new LaunchOptions(url == null || url.isBlank() ? null : url.strip(), write);
    }
}
