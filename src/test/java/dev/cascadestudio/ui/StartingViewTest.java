package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.ui.main.DatabaseTarget;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window's first frame names the database being opened and shows that work is going on. */
class StartingViewTest {

    @Test
    void firstFrameSaysWhichDatabaseIsBeingOpened() throws Exception {
        FxToolkit.registerPrimaryStage();

        Parent embedded = StartingView.of(DatabaseTarget.EMBEDDED);
        Parent saved = StartingView.of(new DatabaseTarget("jdbc:postgresql://db.internal/factory", "admin", null,
                "Factory production", ConnectionTier.PRODUCTION));

        assertThat(labels(embedded)).containsExactly("Cascade Studio", "Opening the embedded database…");
        assertThat(labels(saved)).containsExactly("Cascade Studio",
                "Opening Factory production (jdbc:postgresql://db.internal/factory)…");
        assertThat(embedded.getChildrenUnmodifiable()).filteredOn(ProgressBar.class::isInstance)
                .singleElement().extracting(n -> ((ProgressBar) n).isIndeterminate()).isEqualTo(true);
    }

    private static java.util.List<String> labels(Parent view) {
        return view.getChildrenUnmodifiable().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList();
    }
}
