package de.dormagentwin.app;

import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.ViewerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sources a site lists in its configuration: run by twin ingest without a source flag, and inside the viewer. */
@Rendering
class ConfiguredSourcesTest {
    @TempDir
    Path folder;
    private TestViewer viewer;

    /** A drop folder holding one settled CSV file of one value an hour ago. */
    private Path drop(String name, String datastream, double value) throws Exception {
        Path drop = Files.createDirectories(folder.resolve(name));
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Path file = Files.writeString(drop.resolve("values.csv"), "datastream,time,value,unit\n" + datastream + "," + hourAgo + "," + value + ",%\n");
        // Older than the folder's settling time, so the file is read at the first fetch.
        Files.setLastModifiedTime(file, FileTime.from(hourAgo));
        return drop;
    }

    private Path config(String sources) throws Exception {
        return Files.writeString(folder.resolve("config.json"), "{\"sources\": " + sources + "}");
    }

    @Test
    void ingestWithoutASourceFlagRunsEveryConfiguredSourceEachConfidentialUnlessSaidOtherwise() throws Exception {
        drop("tanks", "tank-3/level", 80);
        drop("boxes", "box-1/pm10", 12);
        Path config = config("[{\"type\": \"csv\", \"folder\": \"tanks\"}, {\"type\": \"csv\", \"folder\": \"boxes\", \"classification\": \"public\"}]");
        String cache = folder.resolve("cache").toString();

        TwinRun ingest = twin("ingest", "--cache", cache, "--config", config.toString(), "--once");
        TwinRun stats = twin("cache", "stats", "--cache", cache, "--config", config.toString());

        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.out().contains("2 sources: 2 new observations"), ingest.out());
        assertTrue(stats.out().lines().anyMatch(line -> line.contains("confidential") && line.contains("tank-3/level")), stats.out());
        assertTrue(stats.out().lines().anyMatch(line -> line.contains("public") && line.contains("box-1/pm10")), stats.out());
    }

    @Test
    void ingestWithNeitherAFlagNorConfiguredSourcesSaysWhereToNameOne() throws Exception {
        TwinRun ingest = twin("ingest", "--cache", folder.resolve("cache").toString(), "--config", config("[]").toString(), "--once");
        assertEquals(2, ingest.exitCode());
        assertTrue(ingest.err().contains("or list \"sources\" in the configuration"), ingest.err());
    }

    @Test
    void theViewerRunsTheConfiguredSourcesInItsOwnProcessAndShowsTheirState() throws Exception {
        viewer = new TestViewer(folder, true);
        Path drop = drop("boxes", "box-1/pm10", 12);
        config("[{\"type\": \"csv\", \"folder\": \"boxes\", \"classification\": \"public\", \"interval\": \"PT1S\"}]");
        ViewerPane pane = viewer.start();

        String status = ScreenText.waitFor(pane, "csv " + drop.toAbsolutePath() + ": live, updated");

        assertTrue(!status.contains("simulator"), "a configured source replaces the sample's simulator: " + status);
        assertTrue(Files.exists(drop.resolve("done").resolve("values.csv")), "the file was read into the cache");
    }

    @AfterEach
    void close() throws Exception {
        if (viewer != null) {
            viewer.close();
        }
    }
}
