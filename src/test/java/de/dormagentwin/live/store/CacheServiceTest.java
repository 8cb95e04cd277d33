package de.dormagentwin.live.store;

import de.dormagentwin.live.SourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One process holds the cache and serves it; readers elsewhere read through it, and find it again after a restart. */
class CacheServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    // "try": the service is held open for the readers that go through it, never called itself.
    @SuppressWarnings("try")
    @Test
    void aReaderSeesWhatTheServiceWritesAndCannotWriteItself() throws Exception {
        try (LiveStore store = LiveStore.open(folder, null, CLOCK); CacheService service = CacheService.start(store);
             LiveStore reader = LiveStore.throughService(folder, null, CLOCK)) {
            LiveStoreTest.register(store);
            store.write(List.of(LiveStoreTest.pm10(0, 21.5)));
            assertEquals(21.5, reader.latest().stream().filter(value -> value.datastream().remoteId().equals("box-1/pm10"))
                    .findFirst().orElseThrow().number());
            store.write(List.of(LiveStoreTest.pm10(10, 30.0)));
            assertEquals(30.0, reader.latest().stream().filter(value -> value.datastream().remoteId().equals("box-1/pm10"))
                    .findFirst().orElseThrow().number());
            assertTrue(reader.readsThroughService());
            CacheException refused = assertThrows(CacheException.class, () -> reader.write(List.of(LiveStoreTest.pm10(20, 1.0))));
            assertTrue(refused.getMessage().contains("twin serve"), refused.getMessage());
            assertEquals(2, store.stats().observations());
        }
    }

    @Test
    void theServiceFileIsTheUsersAloneAndGoesWithTheService() throws Exception {
        try (LiveStore store = LiveStore.open(folder, null, CLOCK)) {
            CacheService service = CacheService.start(store);
            Path file = folder.resolve(ServiceFile.FILE_NAME);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            ServiceFile written = ServiceFile.read(folder).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), written.pid());
            assertTrue(written.serviceRuns());
            assertFalse(written.toString().contains(written.key()), "the key stays out of messages");
            service.close();
            assertFalse(Files.exists(file));
        }
    }

    @Test
    void theServerListensOnLoopbackAlone() throws Exception {
        Path table = Path.of("/proc/net/tcp");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(table), "needs Linux's /proc/net/tcp");
        try (LiveStore store = LiveStore.open(folder, null, CLOCK); CacheService service = CacheService.start(store)) {
            // Listening sockets (state 0A) on the service's port, by local address.
            String port = String.format(Locale.ROOT, ":%04X", service.port());
            List<String> listening = new ArrayList<>();
            for (Path tcp : List.of(table, Path.of("/proc/net/tcp6"))) {
                if (Files.isReadable(tcp)) {
                    Files.readAllLines(tcp).stream().skip(1).map(String::trim).map(line -> line.split("\\s+"))
                            .filter(fields -> fields[1].endsWith(port) && fields[3].equals("0A")).forEach(fields -> listening.add(fields[1]));
                }
            }
            // 127.0.0.1, in the IPv4 table or mapped into the IPv6 one; every interface would be all zeros.
            assertFalse(listening.isEmpty(), "the service's port is not listening");
            listening.forEach(address -> assertTrue(address.equals("0100007F" + port)
                    || address.equals("0000000000000000FFFF00000100007F" + port), address + " is not the loopback address"));
        }
    }

    @Test
    void aConnectionWithoutTheKeyIsRefused() throws Exception {
        try (LiveStore store = LiveStore.open(folder, null, CLOCK); CacheService service = CacheService.start(store)) {
            String byPath = "jdbc:h2:tcp://127.0.0.1:" + service.port() + "/" + folder.resolve("live").toAbsolutePath();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(byPath, "twin", "").close());
            String wrongKey = "jdbc:h2:tcp://127.0.0.1:" + service.port() + "/" + "0".repeat(64);
            assertThrows(SQLException.class, () -> DriverManager.getConnection(wrongKey, "twin", "").close());
            String otherDatabase = "jdbc:h2:tcp://127.0.0.1:" + service.port() + "/" + folder.resolve("other").toAbsolutePath();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(otherDatabase, "twin", "").close());
            assertFalse(Files.exists(folder.resolve("other.mv.db")), "no connection makes a database");
        }
    }

    // "try": the service is held open for the readers that go through it, never called itself.
    @SuppressWarnings("try")
    @Test
    void aReaderFindsARestartedServiceByItself() throws Exception {
        try (LiveStore reader = LiveStore.throughService(folder, null, CLOCK)) {
            assertThrows(CacheException.class, reader::latest, "no service yet");
            try (LiveStore store = LiveStore.open(folder, null, CLOCK); CacheService service = CacheService.start(store)) {
                LiveStoreTest.register(store);
                store.write(List.of(LiveStoreTest.pm10(0, 21.5)));
                assertEquals(2, reader.latest().size());
            }
            CacheException gone = assertThrows(CacheException.class, reader::latest, "the service has stopped");
            assertFalse(gone.getMessage().isBlank());
            try (LiveStore store = LiveStore.open(folder, null, CLOCK); CacheService service = CacheService.start(store)) {
                store.write(List.of(LiveStoreTest.pm10(10, 30.0)));
                assertEquals(30.0, reader.latest().stream().filter(value -> value.datastream().remoteId().equals("box-1/pm10"))
                        .findFirst().orElseThrow().number());
            }
        }
    }

    // "try": the service is held open for the readers that go through it, never called itself.
    @SuppressWarnings("try")
    @Test
    void anEncryptedCacheIsReadThroughTheServiceWithItsPassword() throws Exception {
        char[] password = "correct horse".toCharArray();
        try (LiveStore store = LiveStore.open(folder, password, CLOCK); CacheService service = CacheService.start(store)) {
            LiveStoreTest.register(store);
            try (LiveStore reader = LiveStore.throughService(folder, password, CLOCK)) {
                assertEquals(2, reader.latest().size());
            }
            try (LiveStore wrong = LiveStore.throughService(folder, "wrong".toCharArray(), CLOCK)) {
                assertThrows(CacheException.class, wrong::latest);
            }
            try (LiveStore none = LiveStore.throughService(folder, null, CLOCK)) {
                assertThrows(CacheException.class, none::latest);
            }
        }
    }

    // "try": the service is held open for the readers that go through it, never called itself.
    @SuppressWarnings("try")
    @Test
    void theSourcesStatesReachTheReaders() throws Exception {
        Instant since = Instant.parse("2026-11-28T11:00:00Z");
        try (LiveStore store = LiveStore.open(folder, null, CLOCK); CacheService service = CacheService.start(store);
             LiveStore reader = LiveStore.throughService(folder, null, CLOCK)) {
            store.putSourceStates(List.of(new SourceStatus("sensorthings http://a", SourceStatus.State.LIVE, since, since, ""),
                    new SourceStatus("pegelonline", SourceStatus.State.OFFLINE, since, null, "timed out")));
            assertEquals(List.of(new SourceStatus("pegelonline", SourceStatus.State.OFFLINE, since, null, "timed out"),
                    new SourceStatus("sensorthings http://a", SourceStatus.State.LIVE, since, since, "")), reader.sourceStates());
            store.putSourceStates(List.of(new SourceStatus("pegelonline", SourceStatus.State.LIVE, since, since, "")));
            assertEquals(1, reader.sourceStates().size());
        }
    }
}
