package de.dormagentwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a new user meets it: help everywhere, the README's synopsis, one-line answers to mistakes. */
class CommandLineTest {

    /** Every command of the tree, as the words that name it on the command line ({@code [cache, stats]}). */
    private static List<List<String>> commands(CommandLine command, List<String> words) {
        List<List<String>> all = new ArrayList<>();
        all.add(words);
        command.getSubcommands().forEach((name, sub) -> {
            // picocli lists a command's aliases too; each command once, by its name.
            if (name.equals(sub.getCommandName())) {
                all.addAll(commands(sub, Stream.concat(words.stream(), Stream.of(name)).toList()));
            }
        });
        return all;
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
        List<List<String>> commands = commands(Main.commandLine(), List.of());
        assertTrue(commands.contains(List.of("cache", "stats")) && commands.contains(List.of("bench", "load")),
                "the walk reaches the nested commands: " + commands);
        assertAll(commands.stream().flatMap(words -> Stream.of("--help", "-h").map(flag -> () -> {
            TwinRun run = twin(Stream.concat(words.stream(), Stream.of(flag)).toArray(String[]::new));
            String usage = "Usage: " + String.join(" ", Stream.concat(Stream.of("twin"), words.stream()).toList());
            assertEquals(0, run.exitCode(), words + " " + flag + ": " + run.err());
            assertTrue(run.out().contains(usage), words + " " + flag + " prints its usage: " + run.out());
        })));
    }

    @Test
    void theViewersOptionsNeedNoViewBeforeThem(@TempDir Path folder) {
        Path missing = folder.resolve("dormagen.city.json");

        TwinRun run = twin("--cache", folder.resolve("cache").toString(), "--model", missing.toString());

        // The viewer's own check answered, before any window: so the options reached it.
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("twin: " + missing + ": no such file or folder", run.err().strip());
    }

    @Test
    void aMissingModelFileIsOneLineNamingItBeforeAnyWindowOpens(@TempDir Path folder) {
        Path missing = folder.resolve("no-such-model.city.jsonl");

        TwinRun run = twin("view", "--model", missing.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("twin: " + missing + ": no such file or folder"), run.err().lines().toList());
    }

    @Test
    void aLanguageThePlannerDoesNotSpeakIsOneLineBeforeAnyWindowOpens() {
        TwinRun run = twin("view", "--language", "fr");

        assertEquals(2, run.exitCode());
        assertEquals(List.of("twin: --language must be de or en, not 'fr'"), run.err().lines().toList());
    }

    @Test
    void aMissingVariantOrTerrainFileIsNamedToo(@TempDir Path folder) {
        Path variant = folder.resolve("plan.geojson");
        Path terrain = folder.resolve("ground.asc");

        TwinRun withVariant = twin("view", "--variant", variant.toString());
        TwinRun withTerrain = twin("view", "--terrain", terrain.toString());

        assertEquals(1, withVariant.exitCode());
        assertEquals(List.of("twin: " + variant + ": no such file or folder"), withVariant.err().lines().toList());
        assertEquals(1, withTerrain.exitCode());
        assertEquals(List.of("twin: " + terrain + ": no such file or folder"), withTerrain.err().lines().toList());
    }

    @Test
    void aWordThatIsNoCommandStaysAUsageError() {
        TwinRun run = twin("veiw");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'veiw'"), run.err());
    }
}
