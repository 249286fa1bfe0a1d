package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The window's icon and the installers' icons are one drawing, in the sizes each system asks for: the
 * window shows the same picture the menu entry, the Windows launcher and the macOS bundle show. The
 * installer files are read here as the operating systems read them (ICO directory, ICNS chunks).
 */
class AppIconTest {

    private static final Path INSTALLER = Path.of("installer/icon");

    @Test
    void windowGetsEverySizeDrawnForIt() throws Exception {
        FxToolkit.registerPrimaryStage();

        List<Image> images = AppIcon.images();

        assertThat(images).extracting(image -> (int) image.getWidth() + "x" + (int) image.getHeight() + (image.isError() ? " broken" : ""))
                .containsExactly("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256");
    }

    @Test
    void linuxIconIsA512PixelPng() throws IOException {
        BufferedImage png = ImageIO.read(INSTALLER.resolve("cascade-studio.png").toFile());

        assertThat(png.getWidth()).isEqualTo(512);
        assertThat(png.getHeight()).isEqualTo(512);
        assertThat(png.getColorModel().hasAlpha()).as("transparent round the tile's corners").isTrue();
        assertThat(png.getRGB(0, 0) >>> 24).as("corner pixel's alpha").isZero();
    }

    @Test
    void windowsIconHoldsTheWindowsPicturesInItsSizes() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(INSTALLER.resolve("cascade-studio.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type 1, an icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        Map<Integer, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int at = 6 + 16 * i;
            int width = ico.get(at) == 0 ? 256 : Byte.toUnsignedInt(ico.get(at));
            byte[] data = new byte[ico.getInt(at + 8)];
            ico.get(ico.getInt(at + 12), data);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            assertThat(image.getWidth()).as("entry %d's picture against its directory width", i).isEqualTo(width);
            entries.put(width, data);
        }

        assertThat(entries.keySet()).containsExactly(16, 24, 32, 48, 64, 256);
        for (int size : entries.keySet()) {
            assertThat(entries.get(size)).as("the %d px picture is the window's", size).isEqualTo(windowPng(size));
        }
    }

    @Test
    void macIconFamilyHasItsRetinaSizesUpTo1024() throws IOException {
        ByteBuffer icns = ByteBuffer.wrap(Files.readAllBytes(INSTALLER.resolve("cascade-studio.icns")));
        assertThat(new String(icns.array(), 0, 4, "US-ASCII")).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("length in the header").isEqualTo(icns.capacity());
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (int at = 8; at < icns.capacity(); at += icns.getInt(at + 4)) {
            byte[] data = new byte[icns.getInt(at + 4) - 8];
            icns.get(at + 8, data);
            widths.put(new String(icns.array(), at, 4, "US-ASCII"), ImageIO.read(new ByteArrayInputStream(data)).getWidth());
        }

        assertThat(widths).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("icp4", 16), Map.entry("icp5", 32),
                Map.entry("icp6", 64), Map.entry("ic07", 128), Map.entry("ic08", 256), Map.entry("ic09", 512),
                Map.entry("ic10", 1024), Map.entry("ic11", 32), Map.entry("ic12", 64), Map.entry("ic13", 256),
                Map.entry("ic14", 512)));
    }

    private static byte[] windowPng(int size) throws IOException {
        try (InputStream in = AppIcon.class.getResourceAsStream("icon/cascade-studio-" + size + ".png")) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }
}
