package de.dormagentwin.scene;

import de.dormagentwin.model.text.SafeText;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The textures of one tile's textured surfaces packed into one image, which the tile's textured mesh part takes as its
 * diffuse map: one material and one draw for all of a tile's textures. Each image is scaled down as needed so that
 * the atlas stays within {@value #MOST_SIDE} x {@value #MOST_SIDE} pixels and within what the city's
 * {@link TextureBudget} has left; an image that cannot be decoded is drawn in its surfaces' colour.
 *
 * <p>Besides the images, the atlas holds one texel per object of its part, where the object's overlay or selection
 * colour is written: the layer then points the object's texture coordinates at it, as a palette part's object samples
 * its texel.
 *
 * @param argb  the atlas's pixels, opaque, row by row
 * @param cells per image, its cell: x, y, width, height in atlas pixels; then one more cell, that of the objects' texels
 * @param notes what was not drawn as the file meant, naming the images (through {@link SafeText})
 */
public record TextureAtlas(int width, int height, int[] argb, int[] cells, List<String> notes) {
    /** Every GPU JavaFX runs on takes textures of this size. */
    static final int MOST_SIDE = 2048;
    /** Decoded even where the model reader let it through: a header larger than this is not decoded. */
    static final long MOST_PIXELS = 1L << 26;
    /** Room left between packed cells for the shelves' ragged ends. */
    private static final double PACKING_SLACK = 0.7;

    /** How many images the atlas holds. */
    public int imageCount() {
        return cells.length / 4 - 1;
    }

    /** The atlas x of an object's texel. */
    public int texelX(int texel) {
        int cell = imageCount() * 4;
        return cells[cell] + texel % cells[cell + 2];
    }

    /** The atlas y of an object's texel. */
    public int texelY(int texel) {
        int cell = imageCount() * 4;
        return cells[cell + 1] + texel / cells[cell + 2];
    }

    /** u (0 at the image's left, 1 at its right) of {@code image} as an atlas u, half a pixel inside its cell. */
    public float u(int image, float u) {
        int x = cells[image * 4];
        int w = cells[image * 4 + 2];
        return (x + 0.5f + u * (w - 1)) / width;
    }

    /** v (0 at the image's bottom, 1 at its top, as CityGML and CityJSON write it) as an atlas v, which runs down. */
    public float v(int image, float v) {
        int y = cells[image * 4 + 1];
        int h = cells[image * 4 + 3];
        return (y + 0.5f + (1 - v) * (h - 1)) / height;
    }

    /**
     * Decodes and packs {@code images}.
     *
     * @param fallbackArgb per image, the colour its cell takes where it cannot be decoded
     * @param place        the tile, for notes
     * @param texels       how many object texels to hold besides the images
     */
    static TextureAtlas build(List<Path> images, int[] fallbackArgb, TextureBudget budget, String place, int texels) {
        int count = images.size();
        int texelWidth = Math.max(1, Math.min(texels, 256));
        int texelHeight = Math.max(1, (texels + texelWidth - 1) / texelWidth);
        List<String> notes = new ArrayList<>();
        int[] widths = new int[count];
        int[] heights = new int[count];
        String[] failed = new String[count];
        long wanted = 0;
        for (int i = 0; i < count; i++) {
            failed[i] = header(images.get(i), widths, heights, i);
            if (failed[i] == null) {
                double fit = Math.min(1, (double) MOST_SIDE / Math.max(widths[i], heights[i]));
                wanted += (long) Math.ceil(widths[i] * fit) * (long) Math.ceil(heights[i] * fit);
            }
        }
        long available = Math.min((long) MOST_SIDE * MOST_SIDE, budget.pixelsLeft());
        double scale = wanted == 0 ? 1 : Math.min(1, Math.sqrt(available * PACKING_SLACK / wanted));
        int[] cells = new int[(count + 1) * 4];
        cells[count * 4 + 2] = texelWidth;
        cells[count * 4 + 3] = texelHeight;
        int[] size = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            for (int i = 0; i < count; i++) {
                double fit = failed[i] != null ? 0 : Math.min(scale, (double) MOST_SIDE / Math.max(widths[i], heights[i]));
                cells[i * 4 + 2] = Math.max(1, (int) Math.round(widths[i] * fit));
                cells[i * 4 + 3] = Math.max(1, (int) Math.round(heights[i] * fit));
            }
            size = pack(cells, count + 1, available);
            if (size != null) {
                break;
            }
            scale *= 0.85;
        }
        if (size == null) {
            // Not even a pixel per image is left: every image is one pixel, over the budget by at most a pixel each.
            for (int i = 0; i < count; i++) {
                cells[i * 4 + 2] = 1;
                cells[i * 4 + 3] = 1;
            }
            size = pack(cells, count + 1, Long.MAX_VALUE);
        }
        budget.take((long) size[0] * size[1]);
        if (scale < 1 && wanted > 0) {
            notes.add(String.format(Locale.ROOT, "%s: the textures of %d image%s are drawn at %.0f%% of their size, to stay within"
                            + " %d x %d pixels per tile and the %s of textures a city may take", place, count, count == 1 ? "" : "s",
                    100 * scale, MOST_SIDE, MOST_SIDE, budget.bytes() >= 1 << 20 ? (budget.bytes() >> 20) + " MiB" : budget.bytes() + " bytes"));
        }
        BufferedImage atlas = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = atlas.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int i = 0; i < count; i++) {
                int x = cells[i * 4];
                int y = cells[i * 4 + 1];
                int w = cells[i * 4 + 2];
                int h = cells[i * 4 + 3];
                BufferedImage image = failed[i] == null ? decode(images.get(i), w, h, failed, i) : null;
                if (image != null) {
                    graphics.drawImage(image, x, y, w, h, null);
                } else {
                    graphics.setColor(new Color(fallbackArgb[i], false));
                    graphics.fillRect(x, y, w, h);
                    notes.add(place + ": texture image " + SafeText.of(String.valueOf(images.get(i).getFileName()), 200)
                            + " not drawn: " + failed[i] + "; its surfaces are drawn in one colour");
                }
            }
            graphics.setColor(Color.GRAY);
            graphics.fillRect(cells[count * 4], cells[count * 4 + 1], texelWidth, texelHeight);
        } finally {
            graphics.dispose();
        }
        int[] argb = atlas.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
        for (int p = 0; p < argb.length; p++) {
            // Opaque: a see-through pixel would show the sky through a wall drawn without sorting.
            argb[p] |= 0xFF000000;
        }
        return new TextureAtlas(size[0], size[1], argb, cells, List.copyOf(notes));
    }

    /**
     * Shelf packing, tallest first: places each cell's x and y and returns the atlas's width and height, or null
     * where the cells do not fit {@value #MOST_SIDE} x {@value #MOST_SIDE} and {@code mostPixels}.
     */
    private static int[] pack(int[] cells, int count, long mostPixels) {
        Integer[] order = new Integer[count];
        long area = 0;
        int widest = 1;
        for (int i = 0; i < count; i++) {
            order[i] = i;
            area += (long) cells[i * 4 + 2] * cells[i * 4 + 3];
            widest = Math.max(widest, cells[i * 4 + 2]);
        }
        Arrays.sort(order, (a, b) -> Integer.compare(cells[b * 4 + 3], cells[a * 4 + 3]));
        int width = (int) Math.min(MOST_SIDE, Math.max(widest, Math.ceil(Math.sqrt(area * 1.2))));
        int x = 0;
        int y = 0;
        int shelf = 0;
        int used = 0;
        for (int i : order) {
            int w = cells[i * 4 + 2];
            int h = cells[i * 4 + 3];
            if (x + w > width) {
                y += shelf;
                x = 0;
                shelf = 0;
            }
            cells[i * 4] = x;
            cells[i * 4 + 1] = y;
            x += w;
            used = Math.max(used, x);
            shelf = Math.max(shelf, h);
        }
        int height = Math.max(1, y + shelf);
        width = Math.max(1, used);
        if (height > MOST_SIDE || (long) width * height > mostPixels) {
            return null;
        }
        return new int[]{width, height};
    }

    /** Reads an image's size from its header; the reason it cannot be used, or null. */
    private static String header(Path file, int[] widths, int[] heights, int i) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            if (reader == null) {
                return "it is not an image this viewer reads";
            }
            try {
                reader.setInput(in, true, true);
                widths[i] = reader.getWidth(0);
                heights[i] = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "it cannot be read (" + SafeText.of(String.valueOf(e.getMessage()), 200) + ")";
        }
        if (widths[i] <= 0 || heights[i] <= 0 || (long) widths[i] * heights[i] > MOST_PIXELS) {
            return "it declares " + widths[i] + " x " + heights[i] + " pixels";
        }
        return null;
    }

    private static ImageReader reader(ImageInputStream in) {
        if (in == null) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    /**
     * The image decoded at about {@code w} x {@code h}: every n-th pixel of every n-th row only, so a large photo for a
     * small cell never sits in memory whole. Null where it cannot be decoded; {@code failed[i]} then says why.
     */
    private static BufferedImage decode(Path file, int w, int h, String[] failed, int i) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            if (reader == null) {
                failed[i] = "it is not an image this viewer reads";
                return null;
            }
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(reader.getWidth(0) / w, reader.getHeight(0) / h));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            failed[i] = "it cannot be decoded (" + SafeText.of(String.valueOf(e.getMessage()), 200) + ")";
            return null;
        }
    }
}
