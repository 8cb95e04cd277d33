package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheDamage;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.testing.Slow;
import de.dormagentwin.ui.ViewerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's start on a damaged cache and on one that would not open: said on the view, not only in a log. */
@Slow
@Rendering
class ViewerCacheIntegrityTest {
    @TempDir
    Path folder;
    private TestViewer viewer;
    private Path cache;

    @BeforeEach
    void viewerOptions() throws Exception {
        viewer = new TestViewer(folder, false);
        cache = viewer.cache;
    }

    @AfterEach
    void close() throws Exception {
        viewer.close();
    }

    @Test
    void aDamagedCacheTurnsLiveDataOffWithANoteAndIsLeftAsItWas() throws Exception {
        assertEquals(0, twin("ingest", "--simulate", "--days", "1", "--once", "--cache", cache.toString()).exitCode());
        byte[] damaged = CacheDamage.damageTheMiddle(cache.resolve("live.mv.db"));
        ViewerPane planner = viewer.start();
        String shown = ScreenText.waitFor(planner, "Live data off: ");
        assertTrue(shown.contains("is damaged") && shown.contains("table OBSERVATION"), shown);
        FxThread.call(() -> {
            viewer.app.release();
            return null;
        });
        assertArrayEquals(damaged, Files.readAllBytes(cache.resolve("live.mv.db")));
    }

    @Test
    void aCacheMovedAsideIsANoteOnThePlannerNamingWhereItWent() throws Exception {
        Files.write(cache.resolve("live.mv.db"), "H:2,this is not a database at all".repeat(200).getBytes());
        ViewerPane planner = viewer.start();
        String shown = ScreenText.waitFor(planner, "The cache would not open and was moved to ");
        try (Stream<Path> files = Files.list(cache)) {
            Path aside = files.filter(file -> file.getFileName().toString().startsWith("live.mv.db.broken-")).findFirst().orElseThrow();
            assertTrue(shown.contains(aside.getFileName().toString()), shown);
        }
    }
}
