package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.Stats;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvFolderSourceTest {
    @TempDir
    Path cache;
    @TempDir
    Path drop;

    private final LogCapture logs = new LogCapture();
    private final List<String> messages = logs.messages();
    private LiveStore store;
    private IngestService service;

    @BeforeEach
    void open() throws Exception {
        store = LiveStore.open(cache, null);
    }

    @AfterEach
    void close() throws Exception {
        logs.close();
        if (service != null) {
            service.close();
        }
        store.close();
    }

    private void ingest(CsvFolderSource source) throws Exception {
        if (service != null) {
            service.close();
        }
        service = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
        assertTrue(service.runOnce(), messages.toString());
    }

    /** Writes a file as a finished export: written a minute ago, so it has settled. */
    private Path drop(String name, String content) throws Exception {
        Path file = drop.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        return file;
    }

    private Latest latest(String datastream) throws Exception {
        return store.latest().stream().filter(latest -> latest.datastream().remoteId().equals(datastream)).findFirst().orElseThrow();
    }

    @Test
    void goodRowsAreStoredABadRowIsReportedWithItsLineAndTheFileMovesToDone() throws Exception {
        drop("export.csv", """
                datastream,time,value,unit
                boiler-7/temperature,2024-05-01T10:00:00+02:00,81.5,°C
                boiler-7/temperature,not-a-time,10,°C
                boiler-7/temperature,2024-05-01T10:30:00Z,82.25,°C
                boiler-7/temperature,2024-05-01 10:45,83,°C
                boiler-7/pressure,2024-05-01T10:30:00Z,1.2e1,bar
                """);

        ingest(new CsvFolderSource(drop));

        Stats stats = store.stats();
        assertEquals(3, stats.observations());
        Latest temperature = latest("boiler-7/temperature");
        assertEquals(Instant.parse("2024-05-01T10:30:00Z"), temperature.time());
        assertEquals(82.25, temperature.number());
        assertEquals(12.0, latest("boiler-7/pressure").number());
        assertEquals(2, messages.size(), messages.toString());
        String prefix = "csv " + drop + ": export.csv line ";
        assertTrue(messages.get(0).startsWith(prefix + "3: time 'not-a-time' is not an ISO-8601 time"), messages.get(0));
        assertTrue(messages.get(1).startsWith(prefix + "5: time '2024-05-01 10:45' is not an ISO-8601 time"), messages.get(1));
        assertFalse(Files.exists(drop.resolve("export.csv")));
        assertTrue(Files.isRegularFile(drop.resolve("done/export.csv")));
    }

    @Test
    void datastreamsAreRegisteredAsConfidentialDataWithTheUnitOfTheFile() throws Exception {
        drop("export.csv", "datastream,time,value,unit\nboiler-7/temperature,2024-05-01T10:00:00Z,81.5,°C\n");

        ingest(new CsvFolderSource(drop));

        Latest temperature = latest("boiler-7/temperature");
        assertEquals("csv " + drop, temperature.datastream().source());
        assertEquals("boiler-7/temperature", temperature.datastream().name());
        assertEquals("boiler-7/temperature", temperature.datastream().observedProperty());
        assertEquals("°C", temperature.datastream().unitSymbol());
        assertEquals(Classification.CONFIDENTIAL, temperature.datastream().classification());
    }

    @Test
    void folderGivenAClassificationRegistersItsDatastreamsWithIt() throws Exception {
        drop("export.csv", "datastream,time,value,unit\nriver/temperature,2024-05-01T10:00:00Z,14,°C\n");

        ingest(new CsvFolderSource(drop, Classification.PUBLIC, CsvFolderSource.SETTLE, Clock.systemUTC()));

        assertEquals(Classification.PUBLIC, latest("river/temperature").datastream().classification());
    }

    @Test
    void quotedFieldsColumnsInAnyOrderAndTextValuesAreRead() throws Exception {
        drop("quoted.csv", "\uFEFFUnit,Time,Datastream,Value\r\n"
                + "\"\",2024-05-01T10:00:00Z,\"gate, north\",\"open \"\"wide\"\"\"\r\n"
                + "\r\n"
                + "  \"\" ,  2024-05-01T10:05:00Z , \"gate, north\" , \"a note\nover two lines\"\r\n");

        ingest(new CsvFolderSource(drop));

        assertEquals(2, store.stats().observations(), messages.toString());
        Latest gate = latest("gate, north");
        assertEquals(Instant.parse("2024-05-01T10:05:00Z"), gate.time());
        assertEquals("a note\nover two lines", gate.text());
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void rowsThatCannotBeTrustedAreReportedEachWithItsReason() throws Exception {
        drop("mixed.csv", """
                datastream,time,value,unit
                tank/level,2024-05-01T09:59:00Z,0.5,m
                tank/level,2024-05-01T10:00:00Z,"12,5",m
                tank/level,2024-05-01T10:01:00Z,NaN,m
                tank/level,2024-05-01T10:02:00Z,,m
                tank/level,2024-05-01T10:03:00Z,3,cm
                tank/level,2024-05-01T10:04:00Z,4
                ,2024-05-01T10:05:00Z,5,m
                tank/level,2024-05-01T10:06:00,6,m
                tank/level,2024-05-01T10:07:00Z,"7"x,m
                tank/level,2024-05-01T10:08:00Z,8,m
                """);

        ingest(new CsvFolderSource(drop));

        assertEquals(2, store.stats().observations(), messages.toString());
        assertEquals(8.0, latest("tank/level").number());
        List<String> expected = List.of(
                "line 3: value 12,5 has a decimal comma; write 12.5",
                "line 4: value NaN is not a measurement",
                "line 5: no value",
                "line 6: unit 'cm' of tank/level differs from 'm' earlier in the file",
                "line 7: 3 fields where the header has 4",
                "line 8: no datastream",
                "line 9: time '2024-05-01T10:06:00' has no offset",
                "line 10: text after the closing quote of a field");
        assertEquals(expected.size(), messages.size(), messages.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(messages.get(i).contains("mixed.csv " + expected.get(i)), expected.get(i) + " in " + messages.get(i));
        }
    }

    @Test
    void fileWithoutTheHeaderMovesToFailedAndTheNextFileIsStillRead() throws Exception {
        drop("a-semicolons.csv", "datastream;time;value;unit\ntank/level;2024-05-01T10:00:00Z;1;m\n");
        drop("b-good.csv", "datastream,time,value,unit\ntank/level,2024-05-01T10:00:00Z,1,m\n");

        ingest(new CsvFolderSource(drop));

        assertEquals(1, store.stats().observations());
        assertTrue(Files.isRegularFile(drop.resolve("failed/a-semicolons.csv")));
        assertTrue(Files.isRegularFile(drop.resolve("done/b-good.csv")));
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("a-semicolons.csv has no header naming the columns datastream,time,value,unit "
                + "(comma-separated) on line 1; moved it to failed/a-semicolons.csv"), messages.get(0));
    }

    @Test
    void fileThatIsNotUtf8MovesToFailed() throws Exception {
        Path file = drop("latin1.csv", "");
        Files.write(file, "datastream,time,value,unit\nk\u00fchler,2024-05-01T10:00:00Z,1,m\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));

        ingest(new CsvFolderSource(drop));

        assertEquals(0, store.stats().observations());
        assertTrue(Files.isRegularFile(drop.resolve("failed/latin1.csv")));
        assertTrue(messages.get(0).contains("latin1.csv is not UTF-8 text"), messages.toString());
    }

    @Test
    void fileOfTheSameNameAsAnEarlierOneDoesNotReplaceItInDone() throws Exception {
        CsvFolderSource source = new CsvFolderSource(drop);
        drop("daily.csv", "datastream,time,value,unit\ntank/level,2024-05-01T10:00:00Z,1,m\n");
        ingest(source);
        drop("daily.csv", "datastream,time,value,unit\ntank/level,2024-05-02T10:00:00Z,2,m\n");

        assertTrue(service.runOnce(), messages.toString());

        assertEquals(2, store.stats().observations());
        assertTrue(Files.readString(drop.resolve("done/daily.csv")).contains("2024-05-01"));
        assertTrue(Files.readString(drop.resolve("done/daily-2.csv")).contains("2024-05-02"));
    }

    @Test
    void fileStillBeingCopiedIsLeftForALaterFetch() throws Exception {
        Path file = drop("copying.csv", "datastream,time,value,unit\ntank/level,2024-05-01T10:00:00Z,1,m\n");
        Instant modified = Files.getLastModifiedTime(file).toInstant();

        ingest(new CsvFolderSource(drop, Classification.PARTNER, CsvFolderSource.SETTLE,
                Clock.fixed(modified.plusSeconds(1), ZoneOffset.UTC)));

        assertEquals(0, store.stats().observations());
        assertTrue(Files.exists(file));
        ingest(new CsvFolderSource(drop, Classification.PARTNER, CsvFolderSource.SETTLE,
                Clock.fixed(modified.plus(CsvFolderSource.SETTLE).plusSeconds(1), ZoneOffset.UTC)));
        assertEquals(1, store.stats().observations());
        assertTrue(Files.isRegularFile(drop.resolve("done/copying.csv")));
    }

    @Test
    void missingFolderFailsTheFetch() throws Exception {
        CsvFolderSource source = new CsvFolderSource(drop.resolve("not-mounted"));
        service = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());

        assertFalse(service.runOnce());

        assertTrue(messages.get(0).contains("does not exist"), messages.toString());
    }

    // ---- files from outside: links, sizes and times that are not trusted -----------------------------------

    @Test
    void aSymbolicLinkIsNeverFollowedAndWhatItPointsAtNeverLogged(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:secret-line:/root:/bin/bash\n");
        Path export = Files.writeString(outside.resolve("export.csv"), "datastream,time,value,unit\ntank/level,2024-05-01T10:00:00Z,1,m\n");
        Files.createSymbolicLink(drop.resolve("passwd.csv"), secret);
        Files.createSymbolicLink(drop.resolve("tank.csv"), export);

        // No settling time: a link is as new as the moment it was made.
        ingest(new CsvFolderSource(drop, Classification.PARTNER, Duration.ZERO, Clock.systemUTC()));

        assertEquals(0, store.stats().observations());
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("passwd.csv is a symbolic link, which the CSV folder does not follow; moved it to failed/passwd.csv"),
                messages.get(0));
        assertTrue(messages.get(1).contains("tank.csv is a symbolic link"), messages.get(1));
        assertTrue(messages.stream().noneMatch(message -> message.contains("root") || message.contains("secret")), messages.toString());
        assertTrue(Files.isSymbolicLink(drop.resolve("failed/passwd.csv")));
        assertEquals("root:x:0:0:secret-line:/root:/bin/bash\n", Files.readString(secret));
        assertTrue(Files.isRegularFile(export, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aDoneFolderThatIsALinkElsewhereStopsTheFetchAndMovesNothingThere(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(drop.resolve(CsvFolderSource.DONE), outside);
        drop("export.csv", "datastream,time,value,unit\ntank/level,2024-05-01T10:00:00Z,1,m\n");
        service = new IngestService(store, List.of(new CsvFolderSource(drop)), Duration.ofSeconds(1), Duration.ofMillis(10),
                Clock.systemUTC());

        assertFalse(service.runOnce());

        try (Stream<Path> moved = Files.list(outside)) {
            assertEquals(List.of(), moved.toList());
        }
        assertTrue(Files.isRegularFile(drop.resolve("export.csv")));
        assertTrue(messages.get(0).contains(drop.resolve(CsvFolderSource.DONE) + " is not a folder (a symbolic link is not followed)"),
                messages.toString());
    }

    @Test
    void aTimeBeyondTheCachesRangeIsOneBadRowAndNeverBlocksTheFolder() throws Exception {
        drop("a.csv", """
                datastream,time,value,unit
                tank/level,2024-05-01T10:00:00Z,1,m
                tank/level,+999999999-12-31T23:59:59Z,2,m
                tank/level,2024-05-01T10:02:00Z,3,m
                """);
        CsvFolderSource source = new CsvFolderSource(drop);

        ingest(source);

        assertEquals(2, store.stats().observations());
        assertEquals(3.0, latest("tank/level").number());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("a.csv line 3: time '+999999999-12-31T23:59:59Z' is outside the range the cache can hold; "
                + "row skipped"), messages.get(0));
        assertTrue(Files.isRegularFile(drop.resolve("done/a.csv")));

        drop("b.csv", "datastream,time,value,unit\ntank/level,2024-05-01T10:03:00Z,4,m\n");
        assertTrue(service.runOnce(), messages.toString());
        assertEquals(4.0, latest("tank/level").number());
    }

    @Test
    void aRecordLongerThanTheCapIsOneBadRowAndTheRowsAfterItAreRead() throws Exception {
        drop("long.csv", "datastream,time,value,unit\n"
                + "tank/level,2024-05-01T10:00:00Z,1,m\n"
                + "tank/level,2024-05-01T10:01:00Z," + "9".repeat(CsvRecord.MAX_CHARS) + ",m\n"
                + "tank/level,2024-05-01T10:02:00Z,\"never closed" + "x".repeat(CsvRecord.MAX_CHARS) + "\n"
                + "tank/level,2024-05-01T10:03:00Z,3,m\n");

        ingest(new CsvFolderSource(drop));

        assertEquals(2, store.stats().observations(), messages.toString());
        assertEquals(3.0, latest("tank/level").number());
        assertEquals(List.of("csv " + drop + ": long.csv line 3: longer than 65,536 characters; row skipped",
                "csv " + drop + ": long.csv line 4: longer than 65,536 characters; row skipped"), messages);
    }

    @Test
    void aBigFileReachesTheCacheInBatchesEachAfterItsDatastreams() throws Exception {
        StringBuilder rows = new StringBuilder("datastream,time,value,unit\n");
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        int count = 2 * CsvFolderSource.BATCH + 5;
        for (int i = 0; i < count; i++) {
            rows.append(i < CsvFolderSource.BATCH ? "tank/level" : "tank/pressure").append(',').append(start.plusSeconds(i)).append(',')
                    .append(i).append(",m\n");
        }
        drop("big.csv", rows.toString());
        List<String> calls = new ArrayList<>();
        Sink sink = new Sink() {
            @Override
            public void thing(Thing thing) {
                calls.add("thing");
            }

            @Override
            public void datastream(Datastream datastream) {
                calls.add("datastream " + datastream.remoteId());
            }

            @Override
            public void observations(List<Observation> observations) {
                calls.add(observations.size() + " observations of " + observations.get(0).datastreamRemoteId());
            }

            @Override
            public Optional<Instant> lastTime(String datastreamRemoteId) {
                return Optional.empty();
            }

            @Override
            public void problem(String message) {
                calls.add("problem " + message);
            }
        };

        new CsvFolderSource(drop).fetch(sink);

        assertEquals(List.of("datastream tank/level", CsvFolderSource.BATCH + " observations of tank/level",
                "datastream tank/pressure", CsvFolderSource.BATCH + " observations of tank/pressure",
                "5 observations of tank/pressure"), calls);
    }
}
