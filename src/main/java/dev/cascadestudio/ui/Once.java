package dev.cascadestudio.ui;

import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/** Work that waits for a value to come to a state, then runs once. Called on the FX thread. */
public final class Once {

    private Once() {}

    /**
     * Runs {@code action} now if {@code value} already is as {@code wanted} says, else the first time it changes so;
     * then stops watching it.
     */
    public static <T> void when(ObservableValue<T> value, Predicate<? super T> wanted, Runnable action) {
        if (wanted.test(value.getValue())) {
            action.run();
            return;
        }
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T now) {
                if (wanted.test(now)) {
                    value.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
