package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The viewer's settings: built from the command line once, handed in, and kept nowhere a second viewer would find them. */
class ViewerSettingsTest {
    @TempDir
    Path folder;

    private ViewCommand parsed(String... args) {
        ViewCommand command = new ViewCommand();
        new CommandLine(command).registerConverter(LodChoice.class, LodChoice::parse).parseArgs(args);
        return command;
    }

    @Test
    void theViewerAndItsSceneFactoryKeepNoSettingsInStaticFields() {
        for (Class<?> type : List.of(ViewerApp.class, SceneFactory.class)) {
            List<String> mutable = Arrays.stream(type.getDeclaredFields()).filter(field -> Modifier.isStatic(field.getModifiers()))
                    .filter(field -> !Modifier.isFinal(field.getModifiers())).map(Field::getName).toList();
            assertEquals(List.of(), mutable, type.getSimpleName() + "'s static fields that anyone may set");
        }
    }

    @Test
    void withoutAModelTheViewerShowsTheSampleWithItsBindings() {
        ViewerSettings settings = parsed("--cache", folder.toString(), "--config", folder.resolve("config.json").toString()).settings(null);
        assertEquals(List.of(ModelFiles.sample()), settings.files());
        assertEquals(ModelFiles.sampleBindings(), settings.bindingsFile());
        assertEquals(TerrainFiles.BESIDE_MODELS, settings.terrain());
        assertEquals(folder, settings.cacheFolder());
        assertTrue(settings.simulate());
        assertFalse(settings.isKiosk());
    }

    @Test
    void aNamedModelBringsNoSampleBindingsAndTheOptionsAreKept() {
        Path model = folder.resolve("town.city.json");
        Path dgm = folder.resolve("dgm1.xyz");
        ViewerSettings settings = parsed("--model", model.toString(), "--terrain", dgm.toString(), "--lod", "1", "--camera", "top",
                "--no-simulator", "--service").settings(null);
        assertEquals(List.of(model), settings.files());
        assertNull(settings.bindingsFile());
        assertEquals(new TerrainFiles(List.of(dgm), false), settings.terrain());
        assertEquals(LodChoice.parse("1"), settings.lod());
        assertEquals("top", settings.camera());
        assertFalse(settings.simulate());
        assertTrue(settings.throughService());
    }

    @Test
    void theLanguageOptionSetsThePlannersLanguageForTheRunAndNoneLeavesItToTheSettings() {
        assertEquals(Locale.GERMAN, parsed("--language", "de").settings(null).language());
        assertEquals(Locale.ENGLISH, parsed("--language", " EN ").settings(null).language());
        assertNull(parsed().settings(null).language());
    }

    @Test
    void settingsStayAsGivenWhenTheListsTheyCameFromChange() {
        List<Path> files = new ArrayList<>(List.of(folder.resolve("a.city.json")));
        List<Path> variants = new ArrayList<>(List.of(folder.resolve("tower.geojson")));
        ViewerSettings settings = new ViewerSettings(files, LodChoice.HIGHEST, TerrainFiles.NONE, "home", folder, folder.resolve("config.json"),
                false, false, null, variants, null, null);
        files.add(folder.resolve("b.city.json"));
        variants.clear();
        assertEquals(List.of(folder.resolve("a.city.json")), settings.files());
        assertEquals(List.of(folder.resolve("tower.geojson")), settings.variantFiles());
    }

    @Test
    void aViewerWithNothingToShowOrAKioskWithoutAPinIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ViewerSettings.planner(List.of(), folder, folder.resolve("config.json")));
        TwinConfig.Kiosk noPin = new TwinConfig.Kiosk(null, 90, "de", null);
        assertThrows(IllegalArgumentException.class, () -> new ViewerSettings(List.of(ModelFiles.sample()), LodChoice.HIGHEST,
                TerrainFiles.NONE, "home", folder, folder.resolve("config.json"), false, false, null, List.of(), noPin, null));
    }

    @Test
    void anAppThatJavaFxCreatesWithoutALaunchSaysHowItMustStart() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, ViewerApp::new);
        assertTrue(thrown.getMessage().contains("ViewerApp.launch"), thrown.getMessage());
    }
}
