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

    @Test
    void theCacheFollowsXdgCacheHomeWhereItIsAnAbsolutePath() {
        assertThat(AppDirectories.xdgBase("/var/cache/ann", Path.of("/home/ann/.cache"))).isEqualTo(Path.of("/var/cache/ann"));
        assertThat(AppDirectories.xdgBase("cache", Path.of("/home/ann/.cache"))).isEqualTo(Path.of("/home/ann/.cache"));
        assertThat(AppDirectories.xdgBase(null, Path.of("/home/ann/.cache"))).isEqualTo(Path.of("/home/ann/.cache"));
    }

    @Test
    void withADataDirectoryGivenTheCacheIsInsideIt() {
        String before = System.getProperty("cascade.home");
        System.setProperty("cascade.home", "/tmp/cascade-home-test");
        try {
            assertThat(AppDirectories.cacheHome()).isEqualTo(Path.of("/tmp/cascade-home-test", "cache"));
        } finally {
            if (before == null) {
                System.clearProperty("cascade.home");
            } else {
                System.setProperty("cascade.home", before);
            }
        }
    }
}
