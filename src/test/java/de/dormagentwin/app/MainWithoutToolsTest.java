package de.dormagentwin.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app image's jar leaves the developer tools out (pom.xml, profile dist): Main, loaded where their classes are missing,
 * still builds its command line and answers --help, without them. The build's classes keep them.
 */
class MainWithoutToolsTest {

    @Test
    void theCommandLineStandsWhereTheToolClassesAreMissing() throws Exception {
        try (ToolsHidden loader = new ToolsHidden()) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("de.dormagentwin.app.BenchCommand"));
            Class<?> main = loader.loadClass(Main.class.getName());
            Method commandLine = main.getDeclaredMethod("commandLine");
            commandLine.setAccessible(true);
            CommandLine line = (CommandLine) commandLine.invoke(null);

            Set<String> commands = line.getSubcommands().keySet();
            assertTrue(commands.containsAll(Set.of("view", "info", "import", "snapshot", "ingest", "serve", "cache")), commands::toString);
            assertFalse(commands.contains("bench"), commands::toString);
            assertFalse(commands.contains("generate-sample"), commands::toString);

            StringWriter help = new StringWriter();
            line.setOut(new PrintWriter(help));
            assertEquals(0, line.execute("--help"));
            assertTrue(help.toString().contains("snapshot"), help::toString);
            assertFalse(help.toString().contains("bench"), help::toString);
        }
    }

    @Test
    void theBuildsClassesKeepTheTools() {
        CommandLine line = Main.commandLine();
        assertTrue(line.getSubcommands().keySet().containsAll(Set.of("bench", "generate-sample")), line.getSubcommands().keySet()::toString);

        StringWriter help = new StringWriter();
        line.setOut(new PrintWriter(help));
        assertEquals(0, line.execute("bench", "--help"));
        assertTrue(help.toString().contains("load"), help::toString);
    }

    /**
     * Loads the twin's own classes afresh from the build's classes, as the dist jar holds them; libraries (picocli) come
     * from the test's class path, so a CommandLine crosses over.
     */
    private static final class ToolsHidden extends URLClassLoader {
        ToolsHidden() {
            super(new URL[] {Main.class.getProtectionDomain().getCodeSource().getLocation()}, MainWithoutToolsTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("de.dormagentwin.")) {
                return super.loadClass(name, resolve);
            }
            if (isTool(name)) {
                throw new ClassNotFoundException(name + " is left out, as in the app image");
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

        /** The same classes as the dist profile's jar excludes. */
        private static boolean isTool(String name) {
            String outer = name.replaceFirst("\\$.*", "");
            return outer.startsWith("de.dormagentwin.sample.")
                    || outer.startsWith("de.dormagentwin.app.") && (outer.endsWith("Benchmark") || outer.endsWith(".BenchCommand")
                            || outer.endsWith(".GenerateSampleCommand") || outer.endsWith(".PerObjectMeshes")
                            || outer.endsWith(".LoopbackUpstream"));
        }
    }
}
