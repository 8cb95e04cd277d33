package de.dormagentwin.ui;

import de.dormagentwin.model.text.SmallTextFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.dormagentwin.scene.OrbitCamera;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named camera views, kept in a JSON file that a planner can pass on: {@code {"bookmarks": [{"name": "Rathaus",
 * "targetX": ..., "targetY": ..., "targetZ": ..., "yawDegrees": ..., "pitchDegrees": ..., "distance": ...}]}}, the
 * names of {@link OrbitCamera.View}'s fields. Scene coordinates: a file fits the models it was saved with.
 */
public final class Bookmarks {
    /** Far more than anyone's saved views; a larger file is no bookmarks file. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** A view under a name the planner chose. */
    public record Bookmark(String name, OrbitCamera.View view) {
        public Bookmark {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a bookmark needs a name");
            }
            name = name.strip();
        }
    }

    private static final String LIST = "bookmarks";
    private static final String NAME = "name";
    private static final List<String> NUMBERS = List.of("targetX", "targetY", "targetZ", "yawDegrees", "pitchDegrees", "distance");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Bookmarks() {
    }

    /** The list with {@code bookmark} added, or put in the place of one with the same name. */
    public static List<Bookmark> put(List<Bookmark> bookmarks, Bookmark bookmark) {
        List<Bookmark> next = new ArrayList<>(bookmarks);
        int same = indexOf(next, bookmark.name());
        if (same >= 0) {
            next.set(same, bookmark);
        } else {
            next.add(bookmark);
        }
        return List.copyOf(next);
    }

    private static int indexOf(List<Bookmark> bookmarks, String name) {
        for (int i = 0; i < bookmarks.size(); i++) {
            if (bookmarks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the bookmarks to a file, replacing it whole: written beside it first and then moved over it, so that a
     * failure leaves the old file as it was.
     */
    public static void save(List<Bookmark> bookmarks, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray(LIST);
        for (Bookmark bookmark : bookmarks) {
            OrbitCamera.View view = bookmark.view();
            double[] numbers = {view.targetX(), view.targetY(), view.targetZ(), view.yawDegrees(), view.pitchDegrees(), view.distance()};
            ObjectNode entry = list.addObject().put(NAME, bookmark.name());
            for (int i = 0; i < numbers.length; i++) {
                entry.put(NUMBERS.get(i), numbers[i]);
            }
        }
        try {
            SmallTextFile.write(file, MAPPER.writeValueAsString(root) + System.lineSeparator());
        } catch (IOException e) {
            throw new IOException("cannot write bookmarks file " + file + ": " + e, e);
        }
    }

    /**
     * Reads a bookmarks file whole: any problem fails the whole file, with a message that names the file and the
     * entry, and nothing of it is returned.
     */
    public static List<Bookmark> load(Path file) throws IOException {
        String text;
        try {
            text = SmallTextFile.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new IOException("bookmarks file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot read bookmarks file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException("bookmarks file " + file + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path(LIST).isArray()) {
            throw new IOException("bookmarks file " + file + " has no \"" + LIST + "\" list: expected {\"" + LIST + "\": [...]}");
        }
        List<Bookmark> bookmarks = new ArrayList<>();
        Map<String, Integer> entryByName = new HashMap<>();
        int number = 0;
        for (JsonNode entry : root.get(LIST)) {
            number++;
            Bookmark bookmark = bookmark(entry, "bookmarks file " + file + ", entry " + number);
            Integer earlier = entryByName.putIfAbsent(bookmark.name(), number);
            if (earlier != null) {
                throw new IOException("bookmarks file " + file + ", entry " + number + ": the name \"" + bookmark.name()
                        + "\" is taken by entry " + earlier + " already");
            }
            bookmarks.add(bookmark);
        }
        return List.copyOf(bookmarks);
    }

    private static Bookmark bookmark(JsonNode entry, String where) throws IOException {
        if (!entry.isObject()) {
            throw new IOException(where + ": expected an object with a name and a view, found " + entry.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        JsonNode name = entry.get(NAME);
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new IOException(where + ": \"" + NAME + "\" is missing or not a text");
        }
        double[] numbers = new double[NUMBERS.size()];
        for (int i = 0; i < numbers.length; i++) {
            JsonNode value = entry.get(NUMBERS.get(i));
            if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw new IOException(where + " (\"" + name.asText() + "\"): \"" + NUMBERS.get(i) + "\" is missing or not a number");
            }
            numbers[i] = value.asDouble();
        }
        return new Bookmark(name.asText(), new OrbitCamera.View(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]));
    }
}
