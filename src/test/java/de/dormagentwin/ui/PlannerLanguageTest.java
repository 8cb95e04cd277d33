package de.dormagentwin.ui;

import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerLanguageTest {
    @TempDir
    Path folder;

    @Test
    void withoutAChoiceTheMachinesLanguageDecidesGermanOnlyWhereItIsGerman() {
        Path none = folder.resolve("planner.properties");
        assertEquals(Texts.GERMAN, PlannerLanguage.read(none, Locale.GERMANY));
        assertEquals(Texts.GERMAN, PlannerLanguage.read(none, Locale.forLanguageTag("de-AT")));
        assertEquals(Texts.ENGLISH, PlannerLanguage.read(none, Locale.FRANCE));
        assertEquals(Texts.ENGLISH, PlannerLanguage.read(none, Locale.US));
        assertEquals(Texts.ENGLISH, PlannerLanguage.read(null, Locale.ROOT));
    }

    @Test
    void aChoiceWrittenIsReadBackWhateverTheMachinesLanguage() throws IOException {
        Path settings = folder.resolve("config/dormagen-twin/planner.properties");
        PlannerLanguage.write(settings, Texts.GERMAN);
        assertEquals(Texts.GERMAN, PlannerLanguage.read(settings, Locale.US));
        PlannerLanguage.write(settings, Texts.ENGLISH);
        assertEquals(Texts.ENGLISH, PlannerLanguage.read(settings, Locale.GERMANY));
        try (var files = Files.list(settings.getParent())) {
            assertEquals(1, files.count(), "the file written beside it was moved over it, not left behind");
        }
    }

    @Test
    void writingKeepsTheOtherSettingsOfTheFile() throws IOException {
        Path settings = folder.resolve("planner.properties");
        Files.writeString(settings, "language=en\nwindow=maximised\n");
        PlannerLanguage.write(settings, Texts.GERMAN);
        String text = Files.readString(settings);
        assertTrue(text.contains("language=de") && text.contains("window=maximised"), text);
    }

    @Test
    void anUnknownOrBrokenValueFallsBackToTheMachinesLanguageWithALogLine() throws IOException {
        Path settings = folder.resolve("planner.properties");
        for (String content : new String[]{"language=fr\n", "language=\n", "nothing here\n", "language=\\uZZZZ\n", "\u0000\u00ff\u0001"}) {
            Files.writeString(settings, content);
            try (LogCapture logs = new LogCapture()) {
                assertEquals(Texts.GERMAN, PlannerLanguage.read(settings, Locale.GERMANY), content);
                assertEquals(Texts.ENGLISH, PlannerLanguage.read(settings, Locale.ITALY), content);
                assertTrue(logs.records().stream().map(LogRecord::getMessage).anyMatch(message -> message.contains(settings.toString())),
                        "a log line names the file for " + content);
            }
        }
    }

    @Test
    void aFileFarLargerThanSettingsIsNotRead() throws IOException {
        Path settings = folder.resolve("planner.properties");
        Files.writeString(settings, "language=de\n" + "#".repeat(PlannerLanguage.MAX_BYTES));
        assertEquals(Texts.ENGLISH, PlannerLanguage.read(settings, Locale.US));
    }

    @Test
    void aFolderInPlaceOfTheFileIsLoggedNotThrown() throws IOException {
        Path settings = Files.createDirectory(folder.resolve("planner.properties"));
        assertEquals(Texts.GERMAN, PlannerLanguage.read(settings, Locale.GERMANY));
    }
}
