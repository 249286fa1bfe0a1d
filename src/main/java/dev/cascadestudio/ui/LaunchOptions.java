package dev.cascadestudio.ui;

import java.util.List;

/**
 * The window's command-line options. {@code --db=JDBC_URL} (or {@code --db JDBC_URL}) opens that
 * database; without it the embedded database in the per-user data directory is opened, and created
 * with demo data on first start.
 */
record LaunchOptions(String databaseUrl) {

    static LaunchOptions parse(List<String> args) {
        String url = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--db=")) {
                url = arg.substring("--db=".length());
            } else if (arg.equals("--db") && i + 1 < args.size()) {
                url = args.get(++i);
            }
        }
        return new LaunchOptions(url == null || url.isBlank() ? null : url.strip());
    }
}
