package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the per-user data directory lands on Linux, from {@code XDG_DATA_HOME} and the home directory. */
class AppDirectoriesTest {

    @Test
    void anAbsoluteXdgDataHomeIsUsed() {
        assertThat(AppDirectories.xdgDataHome("/srv/data", "/home/ann")).isEqualTo(Path.of("/srv/data"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(AppDirectories.xdgDataHome("data", "/home/ann")).isEqualTo(Path.of("/home/ann/.local/share"));
        assertThat(AppDirectories.xdgDataHome("./share", "/home/ann")).isEqualTo(Path.of("/home/ann/.local/share"));
    }

    @Test
    void anUnsetOrBlankXdgDataHomeMeansTheDefault() {
        assertThat(AppDirectories.xdgDataHome(null, "/home/ann")).isEqualTo(Path.of("/home/ann/.local/share"));
        assertThat(AppDirectories.xdgDataHome("  ", "/home/ann")).isEqualTo(Path.of("/home/ann/.local/share"));
    }
}
