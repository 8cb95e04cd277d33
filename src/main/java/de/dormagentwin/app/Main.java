package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheService;
import de.dormagentwin.model.LodChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

import java.util.List;
import java.util.stream.Stream;

/**
 * The command line: {@code twin [view|info|import|snapshot|export|shadow|ingest|serve|cache]}, and from the build's classes the developer
 * tools {@code generate-sample} and {@code bench}, which the app image leaves out. Without a subcommand it opens the
 * viewer on the bundled sample, and the view's options need no "view" before them ({@code twin --cache DIR}). Exit codes:
 * 0 fine, 1 the input had problems, 2 wrong usage.
 */
// Inherited: every subcommand, however deep (cache stats, bench load), answers --help and --version.
@Command(name = "twin", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Version.class,
        description = "Dormagen Twin: a desktop digital twin of Dormagen and its CHEMPARK.",
        subcommands = {ViewCommand.class, InfoCommand.class, ImportCommand.class, SnapshotCommand.class, ExportCommand.class, ShadowCommand.class,
                IngestCommand.class, ServeCommand.class, CacheCommand.class})
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    /** The options twin itself answers; any other option is the viewer's. */
    private static final List<String> OWN_OPTIONS = List.of("-h", "--help", "-V", "--version");
    /**
     * The developer tools, by name: the app image's jar leaves them out (docs/decisions/0019-developer-tools-out-of-the-app-image.md),
     * so Main names them nowhere the JVM would resolve them before they are looked up.
     */
    static final List<String> TOOLS = List.of("de.dormagentwin.app.GenerateSampleCommand", "de.dormagentwin.app.BenchCommand");

    public static void main(String[] args) {
        // Before any H2 class loads, which reads it once: twin serve's database server listens on loopback alone.
        System.setProperty(CacheService.BIND_PROPERTY, CacheService.LOOPBACK);
        System.setOut(ConsoleGuard.guard(System.out));
        System.setErr(ConsoleGuard.guard(System.err));
        Logs.configureConsoleOnly();
        // A thread that dies of a surprise says so on one line, its trace kept in the log file (kiosk, serve).
        Thread.setDefaultUncaughtExceptionHandler(Logs.uncaughtHandler());
        System.exit(run(args));
    }

    static int run(String... args) {
        Logs.configureConsoleOnly();
        return commandLine().execute(withCommand(args));
    }

    /** The command tree, set up as the command line runs it. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        addTools(commandLine);
        // Last, as before the tools moved out of the annotation: --help lists the commands in the order added.
        commandLine.addSubcommand(CommandLine.HelpCommand.class);
        // Plain text: the console guard would show picocli's colour escapes as text.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        // A converter's exception becomes a usage error: exit 2 with the message, as for any wrong option.
        commandLine.registerConverter(LodChoice.class, LodChoice::parse);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // One line on the console; the trace in the log file, where the command keeps one.
            LOG.log(System.Logger.Level.ERROR, String.valueOf(exception.getMessage()), exception);
            return 1;
        });
        return commandLine;
    }

    /** Each developer tool whose class is here (the build's classes, not the app image) becomes a subcommand. */
    private static void addTools(CommandLine commandLine) {
        for (String tool : TOOLS) {
            Class<?> command;
            try {
                command = Class.forName(tool, false, Main.class.getClassLoader());
            } catch (ClassNotFoundException absent) {
                LOG.log(System.Logger.Level.DEBUG, "No {0} here: the app image leaves the developer tools out", tool);
                continue;
            }
            commandLine.addSubcommand(command);
        }
    }

    /**
     * Bare "twin" is "twin view", and so is "twin --cache DIR ...": the README's synopsis has the word optional. Through
     * the parser, so that the view's option defaults (the start camera among them) are set as for any other command
     * line. A word that is no command stays, for picocli to name as unknown.
     */
    static String[] withCommand(String... args) {
        if (args.length == 0 || args[0].startsWith("-") && !OWN_OPTIONS.contains(args[0])) {
            return Stream.concat(Stream.of("view"), Stream.of(args)).toArray(String[]::new);
        }
        return args;
    }
}
