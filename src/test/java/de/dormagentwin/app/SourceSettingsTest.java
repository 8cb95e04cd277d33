package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration's "sources": what a site runs, checked entry by entry. */
class SourceSettingsTest {
    @TempDir
    Path folder;

    private List<SourceSettings> sources(String list) throws IOException {
        Path file = Files.writeString(folder.resolve("config.json"), "{\"sources\": " + list + "}");
        return TwinConfig.load(file).sources();
    }

    private String problem(String list) {
        return assertThrows(IOException.class, () -> sources(list), list).getMessage();
    }

    @Test
    void everyKindOfSourceIsReadWithItsIntervalAndClassification() throws IOException {
        List<SourceSettings> sources = sources("""
                [{"type": "sensorthings", "url": "https://sensors.example/v1.1", "classification": "partner", "interval": "PT15S",
                  "things": "properties/site eq 'CHEMPARK'", "mqtt": "tcp://broker.example:1883", "datastreams": ["7", 8]},
                 {"type": "pegelonline", "url": "https://www.pegelonline.wsv.de/webservices/rest-api/v2",
                  "station": "8f7e5f92-1153-4f93-acba-ca48670c8ca9", "interval": "PT5M"},
                 {"type": "csv", "folder": "partner-drop"},
                 {"type": "simulator", "days": 0}]
                """);

        assertEquals(List.of("sensorthings", "pegelonline", "csv", "simulator"), sources.stream().map(SourceSettings::type).toList());
        SourceSettings sensorThings = sources.get(0);
        assertEquals(URI.create("https://sensors.example/v1.1"), sensorThings.url());
        assertEquals(Classification.PARTNER, sensorThings.classification());
        assertEquals(Duration.ofSeconds(15), sensorThings.interval());
        assertEquals(List.of("7", "8"), sensorThings.datastreams());
        assertEquals("properties/site eq 'CHEMPARK'", sensorThings.things());
        assertEquals(Classification.PUBLIC, sources.get(1).classification());
        assertEquals(Duration.ofMinutes(5), sources.get(1).interval());
        // Unsaid means confidential, and the folder lies beside the configuration.
        assertEquals(Classification.CONFIDENTIAL, sources.get(2).classification());
        assertEquals(folder.resolve("partner-drop").toAbsolutePath(), sources.get(2).folder());
        assertEquals(SourceSettings.DEFAULT_INTERVAL, sources.get(2).interval());
        assertEquals(0, sources.get(3).days());
    }

    @Test
    void aTypoNamesTheEntryAndTheKeyAndGuessesTheRightOne() {
        String typo = problem("[{\"type\": \"csv\", \"folder\": \"drop\"}, {\"type\": \"pegelonline\", \"url\": \"https://p.example/v2\", \"statoin\": \"x\"}]");
        assertTrue(typo.contains("config.json: sources[1]: unknown key statoin for a pegelonline source (did you mean station?)"), typo);
        assertTrue(problem("[{\"type\": \"sensorthing\", \"url\": \"https://s.example\"}]").contains("sources[0]: type must be sensorthings, pegelonline, csv or simulator"));
        assertTrue(problem("[{\"type\": \"csv\"}]").contains("sources[0]: folder is missing"));
        assertTrue(problem("[{\"type\": \"pegelonline\", \"url\": \"https://p.example/v2\", \"station\": \"x\", \"classification\": \"public\"}]")
                .contains("unknown key classification for a pegelonline source"));
    }

    @Test
    void badValuesAreNamedNotGuessedAt() {
        assertTrue(problem("[{\"type\": \"csv\", \"folder\": \"d\", \"interval\": \"30s\"}]").contains("interval must be an ISO-8601 duration"));
        assertTrue(problem("[{\"type\": \"csv\", \"folder\": \"d\", \"interval\": \"PT0.1S\"}]").contains("interval must be between 1 second and 1 day"));
        assertTrue(problem("[{\"type\": \"csv\", \"folder\": \"d\", \"classification\": \"secret\"}]").contains("classification must be public, partner or confidential"));
        assertTrue(problem("[{\"type\": \"sensorthings\", \"url\": \"file:///etc/passwd\"}]").contains("url must be a http or https address"));
        assertTrue(problem("[{\"type\": \"sensorthings\", \"url\": \"https://s.example\", \"mqtt\": \"tcp://b.example:1883\"}]")
                .contains("an mqtt source needs datastreams"));
        assertTrue(problem("[{\"type\": \"csv\", \"folder\": \"d\"}, {\"type\": \"csv\", \"folder\": \"d\"}]").contains("names the same source twice"));
        assertTrue(problem("{\"type\": \"csv\"}").contains("sources must be a list"));
        assertTrue(problem("[{\"type\": \"sensorthings\", \"url\": \"https://s.example\", \"things\": \"id eq 1\\n\"}]")
                .contains("sources[0]: things: a Things filter is one line of OData"));
    }
}
