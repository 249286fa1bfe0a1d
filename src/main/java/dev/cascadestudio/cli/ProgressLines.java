package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.service.FailureMessages;
import java.io.PrintStream;

/**
 * A long command's progress on standard error, one line each time it passes another tenth of its
 * work ({@code restore: 40% · Restoring: 100,000 of 270,000 rows and values put back}), so standard
 * output stays the command's result and a script can still read it. Shown when standard error is
 * a person's terminal or when {@code --progress} asks for it; otherwise a script sees nothing extra,
 * and an error stays the only line on standard error.
 */
final class ProgressLines implements ProgressListener {

    private static final int STEPS = 10;

    private final String command;
    private final PrintStream err;
    private int shownStep = -1;
    private boolean toldWaiting;

    private ProgressLines(String command, PrintStream err) {
        this.command = command;
        this.err = err;
    }

    /** The listener for {@code command}: printing lines if {@code asked} or a person is at the terminal, else silent. */
    static ProgressListener of(String command, boolean asked) {
        return asked || System.console() != null ? new ProgressLines(command, System.err) : ProgressListener.NONE;
    }

    /**
     * A line of its own once the work waits for another connection's lock: who holds it, and for how long it is waited
     * for. Told again (its transaction's age, another holder) only after the work has gone on in between.
     */
    @Override
    public synchronized void waitingForLock(java.util.List<String> holders) {
        if (!toldWaiting) {
            toldWaiting = true;
            err.println(command + ": " + TerminalText.safe(FailureMessages.waitingForLock(holders)));
            err.flush();
        }
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        toldWaiting = false;
        if (total <= 0) {
            return;
        }
        int step = (int) Math.min(STEPS, Math.max(0, done) * STEPS / total);
        if (step > shownStep) {
            shownStep = step;
            err.println(command + ": " + step * (100 / STEPS) + "% · " + TerminalText.safe(message));
            err.flush();
        }
    }
}
