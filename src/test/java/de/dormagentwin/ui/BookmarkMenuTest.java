package de.dormagentwin.ui;

import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bookmarks menu saves views under names, flies to them, and keeps its list when a file will not load. */
@Rendering
class BookmarkMenuTest {
    @TempDir
    Path folder;

    private final List<OrbitCamera.View> flownTo = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private OrbitCamera.View current = new OrbitCamera.View(1, 2, 3, 10, 45, 500);
    private Stage stage;
    private BookmarkMenu menu;

    @BeforeEach
    void menuInAWindow() throws Exception {
        Display3D.require();
        menu = FxThread.call(() -> {
            BookmarkMenu bookmarks = new BookmarkMenu(() -> current, flownTo::add, reports::add);
            stage = FxThread.show(new VBox(bookmarks), 300, 200);
            return bookmarks;
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.close(stage);
    }

    private List<String> itemTexts() throws Exception {
        return FxThread.call(() -> menu.getItems().stream().map(MenuItem::getText).filter(Objects::nonNull).toList());
    }

    @Test
    void savedViewsBecomeItemsThatFlyThere() throws Exception {
        OrbitCamera.View first = current;
        FxThread.call(() -> {
            menu.saveView("Rathaus");
            current = new OrbitCamera.View(-50, 0, 80, 90, 60, 200);
            menu.saveView("Tor_1");
            return null;
        });
        assertEquals(List.of("Save current view…", "Rathaus", "Tor_1", "Save to file…", "Load from file…"), itemTexts());
        FxThread.call(() -> {
            menu.getItems().stream().filter(item -> "Rathaus".equals(item.getText())).findFirst().orElseThrow().fire();
            return null;
        });
        assertEquals(List.of(first), flownTo);
        assertEquals("Bookmark \"Tor_1\" saved", reports.get(1));
    }

    @Test
    void theSaveViewShortcutIsTheWindowsOnceTheMenuIsShown() throws Exception {
        assertTrue(FxThread.call(() -> stage.getScene().getAccelerators().containsKey(BookmarkMenu.SAVE_VIEW)));
    }

    @Test
    void aFileRoundTripsAndABrokenOneLeavesTheListAsItWas() throws Exception {
        Path file = folder.resolve("views.json");
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"bookmarks\": [{\"name\": \"Half\", \"targetX\": 1}]}");
        List<Bookmarks.Bookmark> saved = FxThread.call(() -> {
            menu.saveView("Rathaus");
            menu.save(file);
            menu.load(broken);
            return menu.bookmarks();
        });
        assertEquals(List.of("Rathaus"), saved.stream().map(Bookmarks.Bookmark::name).toList());
        assertTrue(reports.get(2).startsWith("bookmarks file " + broken + ", entry 1 (\"Half\"): \"targetY\""), reports.get(2));

        BookmarkMenu other = FxThread.call(() -> {
            BookmarkMenu fresh = new BookmarkMenu(() -> current, flownTo::add, reports::add);
            fresh.load(file);
            return fresh;
        });
        assertEquals(saved, other.bookmarks());
        assertEquals("Loaded 1 bookmark from " + file, reports.get(reports.size() - 1));
    }
}
