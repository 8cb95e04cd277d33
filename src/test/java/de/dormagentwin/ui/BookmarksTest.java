package de.dormagentwin.ui;

import de.dormagentwin.scene.OrbitCamera;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookmarksTest {
    @TempDir
    Path folder;

    private static final Bookmarks.Bookmark RATHAUS = new Bookmarks.Bookmark("Rathaus \"Neues\"", new OrbitCamera.View(12.5, -3, 480.125, 33.3, 40, 250));
    private static final Bookmarks.Bookmark PARK = new Bookmarks.Bookmark("CHEMPARK, Tor 1 – Süd", new OrbitCamera.View(-1e4, 0, 2e-3, -170, 89.9, 60_000));

    @Test
    void savedBookmarksLoadAgainExactlyAndInOrder() throws IOException {
        Path file = folder.resolve("views.json");
        Bookmarks.save(List.of(RATHAUS, PARK), file);
        assertEquals(List.of(RATHAUS, PARK), Bookmarks.load(file));
        assertTrue(Files.readString(file).contains("\"targetX\" : 12.5"), "the documented field names: " + Files.readString(file));

        Bookmarks.save(List.of(PARK), file);
        assertEquals(List.of(PARK), Bookmarks.load(file), "saving again replaces the file whole");
        try (var left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aViewSavedUnderATakenNameReplacesThatOneInItsPlace() {
        Bookmarks.Bookmark moved = new Bookmarks.Bookmark(" Rathaus \"Neues\" ", new OrbitCamera.View(0, 0, 0, 0, 45, 100));
        assertEquals(List.of(moved, PARK), Bookmarks.put(List.of(RATHAUS, PARK), moved));
        assertEquals("Rathaus \"Neues\"", moved.name(), "names are kept without surrounding space");
        assertThrows(IllegalArgumentException.class, () -> new Bookmarks.Bookmark(" ", RATHAUS.view()));
    }

    private String problemWith(String json) throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, json);
        IOException problem = assertThrows(IOException.class, () -> Bookmarks.load(file));
        assertTrue(problem.getMessage().contains(file.toString()), "the message names the file: " + problem.getMessage());
        return problem.getMessage();
    }

    @Test
    void aBrokenFileSaysWhereAndWhatAndLoadsNothing() throws IOException {
        String entry = "{\"name\": \"A\", \"targetX\": 1, \"targetY\": 2, \"targetZ\": 3, \"yawDegrees\": 4, \"pitchDegrees\": 5, \"distance\": 6}";
        assertTrue(problemWith("{\"bookmarks\": [" + entry + ",\n  {\"name\": }]}").contains("not valid JSON (line 2, column"));
        assertTrue(problemWith("[" + entry + "]").contains("has no \"bookmarks\" list"));
        assertTrue(problemWith("{\"bookmarks\": [" + entry + ", 7]}").contains("entry 2: expected an object"));
        assertTrue(problemWith("{\"bookmarks\": [" + entry + ", {\"targetX\": 1}]}").contains("entry 2: \"name\" is missing"));
        String missing = problemWith("{\"bookmarks\": [" + entry + ", " + entry.replace("A", "B").replace("\"distance\": 6", "\"distance\": \"far\"") + "]}");
        assertTrue(missing.contains("entry 2 (\"B\"): \"distance\" is missing or not a number"), missing);
        assertTrue(problemWith("{\"bookmarks\": [" + entry + ", " + entry + "]}").contains("entry 2: the name \"A\" is taken by entry 1"));
    }

    @Test
    void aMissingFileIsSaidSo() {
        Path file = folder.resolve("nowhere.json");
        IOException problem = assertThrows(IOException.class, () -> Bookmarks.load(file));
        assertEquals("bookmarks file " + file + " does not exist", problem.getMessage());
    }
}
