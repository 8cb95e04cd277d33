package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** twin ingest and twin cache, run as a user runs them, on a real cache folder. */
@Slow
class CacheCommandTest {
    @TempDir
    Path folder;

    @Test
    void theSimulatorFillsTheCacheAndStatsPrintExactlyTheDocumentedKeys() throws Exception {
        TwinRun ingest = twin("ingest", "--simulate", "--days", "1", "--once", "--cache", folder.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.out().startsWith("simulator: "), ingest.out());

        TwinRun stats = twin("cache", "stats", "--json", "--cache", folder.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        JsonNode root = new ObjectMapper().readTree(stats.out());
        assertEquals(List.of("observations", "datastreams", "sources"), names(root));
        assertEquals(List.of("source", "rejected"), names(root.get("sources").get(0)));
        assertEquals(0, root.get("sources").get(0).get("rejected").asLong(), "the simulator sends nothing bad");
        JsonNode first = root.get("datastreams").get(0);
        assertEquals(List.of("source", "remoteId", "name", "unit", "classification", "observations", "latestTime", "latestValue"), names(first));
        assertTrue(first.get("remoteId").isTextual());
        Instant.parse(first.get("latestTime").asText());
        assertTrue(first.get("latestTime").asText().endsWith("Z"), first.toString());
        long total = 0;
        for (JsonNode stream : root.get("datastreams")) {
            total += stream.get("observations").asLong();
        }
        assertEquals(root.get("observations").asLong(), total);
        assertEquals(96, first.get("observations").asLong(), "a day of 15-minute values");
        List<String> classifications = new ArrayList<>();
        root.get("datastreams").forEach(stream -> classifications.add(stream.get("classification").asText()));
        assertTrue(classifications.contains("public") && classifications.contains("confidential"), classifications.toString());
    }

    @Test
    void pruneAndCompactKeepWhatIsNewerAndSayWhatTheyDid() throws Exception {
        assertEquals(0, twin("ingest", "--simulate", "--days", "3", "--once", "--cache", folder.toString()).exitCode());
        long before = observations();
        TwinRun prune = twin("cache", "prune", "--days", "1", "--cache", folder.toString());
        assertEquals(0, prune.exitCode(), prune.err());
        long after = observations();
        assertTrue(after < before && after > 0, before + " -> " + after);
        assertTrue(prune.out().startsWith("deleted "), prune.out());
        TwinRun compact = twin("cache", "compact", "--cache", folder.toString());
        assertEquals(0, compact.exitCode(), compact.err());
        assertTrue(compact.out().contains(" bytes -> "), compact.out());
        assertEquals(after, observations());
    }

    @Test
    void anUnreachableSourceExitsOneWithAClearMessageAndWrongUsageTwo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwinRun dead = twin("ingest", "--sensorthings", "http://127.0.0.1:" + closedPort + "/v1.1", "--once", "--cache", folder.toString());
        assertEquals(1, dead.exitCode(), dead.err());
        assertTrue(dead.err().contains("127.0.0.1:" + closedPort) && dead.err().contains("retrying"), dead.err());

        assertEquals(2, twin("ingest", "--once", "--cache", folder.toString()).exitCode());
        assertEquals(2, twin("ingest", "--pegelonline", "http://127.0.0.1:1", "--once", "--cache", folder.toString()).exitCode());
        assertEquals(2, twin("ingest", "--csv", "a", "--simulate", "--cache", folder.toString()).exitCode());
        assertEquals(2, twin("cache", "prune", "--days", "0", "--cache", folder.toString()).exitCode());
    }

    private long observations() throws Exception {
        TwinRun stats = twin("cache", "stats", "--json", "--cache", folder.toString());
        return new ObjectMapper().readTree(stats.out()).get("observations").asLong();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
