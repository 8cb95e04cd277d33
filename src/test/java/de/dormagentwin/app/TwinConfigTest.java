package de.dormagentwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwinConfigTest {
    @TempDir
    Path folder;

    private TwinConfig load(String json) throws IOException {
        Path file = folder.resolve("config.json");
        Files.writeString(file, json);
        return TwinConfig.load(file);
    }

    @Test
    void theKioskSettingsHaveDefaultsAndNoPinUnlessOneIsSet() throws IOException {
        TwinConfig none = TwinConfig.load(folder.resolve("missing.json"));
        assertNull(none.kiosk().pin());
        assertEquals(90, none.kiosk().idleSeconds());
        assertEquals("de", none.kiosk().language());
        TwinConfig set = load("{\"kiosk\": {\"pin\": \"4711\", \"idleSeconds\": 120, \"language\": \"en\", \"tour\": \"tour.json\"}}");
        assertEquals(new TwinConfig.Kiosk("4711", 120, "en", folder.resolve("tour.json").toAbsolutePath()), set.kiosk());
    }

    @Test
    void badKioskSettingsAreNamed() {
        assertTrue(assertThrows(IOException.class, () -> load("{\"kiosk\": {\"pin\": 4711}}")).getMessage().contains("kiosk.pin must be text"));
        assertTrue(assertThrows(IOException.class, () -> load("{\"kiosk\": {\"pin\": \"12\"}}")).getMessage().contains("at least 4"));
        assertTrue(assertThrows(IOException.class, () -> load("{\"kiosk\": {\"idleSeconds\": 3}}")).getMessage().contains("10 or more"));
        assertTrue(assertThrows(IOException.class, () -> load("{\"kiosk\": {\"language\": \"fr\"}}")).getMessage().contains("\"de\" or \"en\""));
    }
}
