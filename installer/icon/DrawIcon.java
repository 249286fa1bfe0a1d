import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Cascade Studio's icon, the one source of both the window icon and the installers' icons:
 * a tree of three rows stepping down to the right, the last one amber, as the rows a delete reaches
 * through its cascade. It is laid out on a 16-unit grid, and below 64 px every edge is put on a whole
 * pixel, so that it stays sharp at 16 px.
 *
 * <p>Run from the project's folder with {@code java installer/icon/DrawIcon.java}; it needs only the
 * JDK. It writes the PNGs the window loads ({@code src/main/resources/dev/cascadestudio/ui/icon}) and,
 * in {@code installer/icon}, the PNG jpackage takes on Linux, the {@code .ico} for Windows and the
 * {@code .icns} for macOS. The files it writes are committed, so a build never needs to run it.
 */
public final class DrawIcon {

    private static final Color TILE_TOP = new Color(0x2188ff);
    private static final Color TILE = new Color(0x0969da);     // AtlantaFX Primer's -color-accent-emphasis, as in the window
    private static final Color TILE_BOTTOM = new Color(0x0550ae);
    private static final Color ROW = Color.WHITE;
    private static final Color LINK = new Color(255, 255, 255, 200);
    private static final Color REACHED = new Color(0xffc940);   // amber: the row the cascade reaches

    public static void main(String[] args) throws IOException {
        Path installer = Path.of("installer/icon");
        Path window = Path.of("src/main/resources/dev/cascadestudio/ui/icon");
        Files.createDirectories(installer);
        Files.createDirectories(window);

        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            png.put(size, png(draw(size)));
        }
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            Files.write(window.resolve("cascade-studio-" + size + ".png"), png.get(size));
        }
        Files.write(installer.resolve("cascade-studio.png"), png.get(512));
        Files.write(installer.resolve("cascade-studio.ico"), ico(new int[] {16, 24, 32, 48, 64, 256}, png));
        Map<Integer, byte[]> mac = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 64, 128, 256, 512, 1024}) {
            mac.put(size, png(draw(size, (int) Math.round(size * 824 / 1024.0))));
        }
        Files.write(installer.resolve("cascade-studio.icns"), icns(mac));
    }

    /** The icon at {@code size} pixels square, its tile filling the square (Linux, Windows, the window). */
    static BufferedImage draw(int size) {
        return draw(size, size);
    }

    /**
     * The icon in a {@code size}-pixel square, its tile {@code tile} pixels wide in the middle (macOS
     * draws its icons' tiles at 824 of 1024 pixels, with room for the shadow around them).
     */
    static BufferedImage draw(int size, int tile) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        Grid grid = new Grid((size - tile) / 2.0, tile / 16.0, tile < 64);

        g.setPaint(grid.small ? TILE : new GradientPaint(0, (float) grid.px(0), TILE_TOP, 0, (float) grid.px(16), TILE_BOTTOM));
        g.fill(grid.box(0, 0, 16, 16, grid.small ? 4 : 6));

        // links: down from a row's node, then right into the next row's node, as a tree view draws them
        g.setColor(LINK);
        g.fill(grid.box(3, 5, 1, 3, 0));
        g.fill(grid.box(4, 7, 2, 1, 0));
        g.fill(grid.box(7, 9, 1, 3, 0));
        g.fill(grid.box(8, 11, 2, 1, 0));

        // rows: a node each, and a bar for the name where there is room for one
        double node = grid.small ? 0 : 1.6;
        g.setColor(ROW);
        g.fill(grid.box(2, 2, 3, 3, node));
        g.fill(grid.box(7, 3, 7, 1, grid.small ? 0 : 1));
        g.fill(grid.box(6, 6, 3, 3, node));
        g.fill(grid.box(11, 7, 3, 1, grid.small ? 0 : 1));
        g.setColor(REACHED);
        g.fill(grid.box(10, 10, 3, 3, node));
        g.dispose();
        return image;
    }

    /**
     * The 16-unit grid the icon is laid out on. Below 64 px every edge is rounded to a whole pixel
     * (at 24 px a unit is 1.5 px, and an edge half-way through a pixel would only blur it), and corners
     * inside the tile are left square.
     */
    private record Grid(double origin, double unit, boolean small) {

        double px(double units) {
            double exact = origin + units * unit;
            return small ? Math.round(exact) : exact;
        }

        RoundRectangle2D box(double x, double y, double w, double h, double arcUnits) {
            double left = px(x);
            double top = px(y);
            double arc = arcUnits * unit;
            return new RoundRectangle2D.Double(left, top, px(x + w) - left, px(y + h) - top, arc, arc);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A Windows icon: a directory of entries, each a PNG (Windows Vista and later read PNG entries of
     * every size; jpackage's WiX and the launcher's resources take the file as it is).
     */
    static byte[] ico(int[] sizes, Map<Integer, byte[]> png) {
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (int size : sizes) {
            total += png.get(size).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int size : sizes) {
            byte[] data = png.get(size);
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            b.put((byte) 0).put((byte) 0);                 // no palette, reserved
            b.putShort((short) 1).putShort((short) 32);    // colour planes, bits per pixel
            b.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int size : sizes) {
            b.put(png.get(size));
        }
        return b.array();
    }

    /**
     * A macOS icon family: {@code icns} and the file's length, then one chunk per image, each a
     * four-letter type, its length (header included, big-endian) and a PNG. The types say the size:
     * icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x),
     * ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x).
     */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> chunks = new LinkedHashMap<>();
        chunks.put("icp4", 16);
        chunks.put("icp5", 32);
        chunks.put("icp6", 64);
        chunks.put("ic07", 128);
        chunks.put("ic08", 256);
        chunks.put("ic09", 512);
        chunks.put("ic10", 1024);
        chunks.put("ic11", 32);
        chunks.put("ic12", 64);
        chunks.put("ic13", 256);
        chunks.put("ic14", 512);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (Map.Entry<String, Integer> chunk : chunks.entrySet()) {
            byte[] data = png.get(chunk.getValue());
            out.writeBytes(chunk.getKey());
            out.writeInt(8 + data.length);
            out.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        header.write(body.toByteArray());
        return file.toByteArray();
    }
}
