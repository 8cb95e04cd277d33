package de.dormagentwin.ui;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** What the planner takes away: the 3D view as a PNG at a size of its own, and datastreams' series as CSV. */
public final class Export {
    /** The largest edge: beyond it an image outgrows the texture sizes that OpenGL drivers offer. */
    public static final int MAX_EDGE_PIXELS = 8192;
    /** The first line of a CSV export. */
    public static final String CSV_HEADER = "datastream,property,unit,time,mean,min,max";
    /** RFC 4180 ends records with CR LF. */
    private static final String CSV_LINE_END = "\r\n";

    private Export() {
    }

    /** The 3D view drawn at {@code width} x {@code height} pixels, whatever the window's size. FX thread. */
    public static WritableImage imageAt(CityViewport viewport, int width, int height) {
        if (width < 1 || height < 1 || width > MAX_EDGE_PIXELS || height > MAX_EDGE_PIXELS) {
            throw new IllegalArgumentException("an image must be 1 to " + MAX_EDGE_PIXELS + " pixels wide and high, not " + width + " x " + height);
        }
        return viewport.snapshot3D(width, height);
    }

    /** Writes an image as PNG, making the folder if needed. Any thread: encoding a large image takes a while. */
    public static void writePng(Image image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    /** The 3D view at a chosen size, written to a PNG file. FX thread (the window waits while it encodes). */
    public static void pngAt(CityViewport viewport, int width, int height, Path file) throws IOException {
        writePng(imageAt(viewport, width, height), file);
    }

    /**
     * The series of the given datastreams as CSV ({@link #CSV_HEADER}), a row per point in the datastreams' order:
     * times in ISO 8601 UTC, numbers with a '.' whatever the locale, fields quoted by RFC 4180 where they need it.
     * A datastream without a series in {@code series} gives no rows.
     */
    public static void csv(List<Latest> datastreams, Map<Long, List<SeriesPoint>> series, Writer out) throws IOException {
        out.write(CSV_HEADER + CSV_LINE_END);
        for (Latest stream : datastreams) {
            String prefix = String.join(",", field(stream.datastream().name()), field(stream.datastream().observedProperty()),
                    field(stream.datastream().unitSymbol()));
            for (SeriesPoint point : series.getOrDefault(stream.datastreamId(), List.of())) {
                out.write(prefix + "," + DateTimeFormatter.ISO_INSTANT.format(point.time()) + "," + number(point.mean()) + ","
                        + number(point.min()) + "," + number(point.max()) + CSV_LINE_END);
            }
        }
        out.flush();
    }

    /** A text field, quoted (with quotes doubled) where it holds a comma, a quote or a line break. */
    static String field(String text) {
        if (text == null) {
            return "";
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Shortest plain decimal: "23.4", "12", "0.00001"; nothing for a missing value (NaN). */
    static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : "";
    }
}
