package de.dormagentwin.model.io;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Textured test data written into a test's folder: a 10 m cube as CityJSON whose walls and roof carry one image
 * (texture coordinates 0..1 over each face unless a test says otherwise), and images made on the spot.
 */
public final class TexturedCube {
    /** The cube's faces, outward: bottom, top, then the walls south, east, north, west. */
    private static final String BOUNDARIES = "[[[[0,3,2,1]],[[4,5,6,7]],[[0,1,5,4]],[[1,2,6,5]],[[2,3,7,6]],[[3,0,4,7]]]]";

    private TexturedCube() {
    }

    /** An image whose left half is {@code left} and right half {@code right} (opaque RGB). */
    public static Path halves(Path file, int width, int height, int left, int right) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A PNG whose header claims {@code width} x {@code height} pixels and whose image data is not zlib data. */
    public static Path declaredPng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", new byte[]{0x11, 0x22, 0x33, 0x44, 0x55, 0x66});
        chunk(out, "IEND", new byte[0]);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The cube with every face but the bottom textured by {@code image}, u and v running 0..1 over each face. */
    public static String cityJson(String image) {
        return cityJson(image, "[[0,0],[1,0],[1,1],[0,1]]");
    }

    /**
     * The cube with every face but the bottom textured by {@code image}; {@code textureVertices} are four u v pairs,
     * which each face takes in its ring's order (a wall's lower left, lower right, upper right, upper left).
     */
    public static String cityJson(String image, String textureVertices) {
        String ring = "[[0,0,1,2,3]]";
        String values = "[[[[null]]," + ring + "," + ring + "," + ring + "," + ring + "," + ring + "]]";
        return """
                {"type": "CityJSON", "version": "2.0",
                 "transform": {"scale": [1, 1, 1], "translate": [350000, 5660000, 40]},
                 "metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/25832"},
                 "appearance": {"textures": [{"type": "PNG", "image": %s}], "vertices-texture": %s},
                 "CityObjects": {"cube": {"type": "Building", "geometry": [{"type": "Solid", "lod": "2",
                   "boundaries": %s,
                   "texture": {"photo": {"values": %s}}}]}},
                 "vertices": [[0,0,0],[10,0,0],[10,10,0],[0,10,0],[0,0,10],[10,0,10],[10,10,10],[0,10,10]]}
                """.formatted(quoted(image), textureVertices, BOUNDARIES, values);
    }

    /** Walls side by side, 10 m apart, each textured by its image (u and v 0..1 over the wall). */
    public static String walls(List<String> images) {
        StringBuilder boundaries = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder vertices = new StringBuilder();
        StringBuilder textures = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            String comma = i == 0 ? "" : ",";
            boundaries.append(comma).append("[[").append(i * 4).append(',').append(i * 4 + 1).append(',').append(i * 4 + 2).append(',')
                    .append(i * 4 + 3).append("]]");
            values.append(comma).append("[[").append(i).append(",0,1,2,3]]");
            int x = i * 20;
            vertices.append(comma).append("[%d,0,0],[%d,0,0],[%d,0,6],[%d,0,6]".formatted(x, x + 10, x + 10, x));
            textures.append(comma).append("{\"type\": \"PNG\", \"image\": ").append(quoted(images.get(i))).append('}');
        }
        return """
                {"type": "CityJSON", "version": "2.0",
                 "transform": {"scale": [1, 1, 1], "translate": [350000, 5660000, 40]},
                 "appearance": {"textures": [%s], "vertices-texture": [[0,0],[1,0],[1,1],[0,1]]},
                 "CityObjects": {"walls": {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "2",
                   "boundaries": [%s], "texture": {"photo": {"values": [%s]}}}]}},
                 "vertices": [%s]}
                """.formatted(textures, boundaries, values, vertices);
    }

    /** The cube's file in {@code folder}, textured by {@code image} as {@link #cityJson(String)} has it. */
    public static Path write(Path folder, String image) throws IOException {
        return write(folder, "cube.city.json", cityJson(image));
    }

    public static Path write(Path folder, String name, String text) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), text);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
