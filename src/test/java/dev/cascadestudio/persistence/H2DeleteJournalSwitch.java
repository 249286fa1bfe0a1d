package dev.cascadestudio.persistence;

/** For benchmarks: makes every delete on an H2 file back the file up, as every delete did before the commit watch. */
public final class H2DeleteJournalSwitch {

    private H2DeleteJournalSwitch() {}

    public static void alwaysBackUp(boolean on) {
        H2DeleteJournal.alwaysBackUp = on;
    }
}
