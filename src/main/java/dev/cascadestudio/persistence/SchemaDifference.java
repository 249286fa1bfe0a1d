package dev.cascadestudio.persistence;

/**
 * One way an existing database differs from the mapping. Some make the database unreadable for
 * Cascade Studio (a missing table or column: every query names them), others only make writing
 * unsafe (a type that cannot hold the mapping's values, a column too short, a required column the
 * mapping does not know and so would never fill).
 */
public record SchemaDifference(String table, String column, Problem problem, String detail) {

    public enum Problem {
        MISSING_TABLE(true),
        MISSING_COLUMN(true),
        WRONG_TYPE(false),
        TOO_SHORT(false),
        UNKNOWN_REQUIRED_COLUMN(false);

        private final boolean blocksReading;

        Problem(boolean blocksReading) {
            this.blocksReading = blocksReading;
        }
    }

    /** Whether Cascade Studio cannot even read this database as a controller's. */
    public boolean blocksReading() {
        return problem.blocksReading;
    }

    /** One sentence-part naming the place and the difference, e.g. {@code run.state is INTEGER, where text is expected}. */
    public String describe() {
        String place = column == null ? "table " + table : table + "." + column;
        return switch (problem) {
            case MISSING_TABLE -> "table " + table + " is missing";
            case MISSING_COLUMN -> place + " is missing";
            case WRONG_TYPE, TOO_SHORT -> place + " " + detail;
            case UNKNOWN_REQUIRED_COLUMN -> place + " is required (NOT NULL, no default) but not part of the controller's schema, so a new or restored row could not be written";
        };
    }
}
