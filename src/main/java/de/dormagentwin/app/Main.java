package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheService;
import de.dormagentwin.model.LodChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code twin [view|info|import|snapshot|generate-sample|ingest|serve|cache|bench]}. Without a subcommand it opens the
 * viewer on the bundled sample. Exit codes: 0 fine, 1 the input had problems, 2 wrong usage.
 */
@Command(name = "twin", mixinStandardHelpOptions = true, version = "Dormagen Twin 0.1",
        description = "Dormagen Twin: a desktop digital twin of Dormagen and its CHEMPARK.",
        subcommands = {ViewCommand.class, InfoCommand.class, ImportCommand.class, SnapshotCommand.class, GenerateSampleCommand.class, IngestCommand.class, ServeCommand.class, CacheCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

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
        CommandLine commandLine = new CommandLine(new Main());
        // Plain text: the console guard would show picocli's colour escapes as text.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        // A converter's exception becomes a usage error: exit 2 with the message, as for any wrong option.
        commandLine.registerConverter(LodChoice.class, LodChoice::parse);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // One line on the console; the trace in the log file, where the command keeps one.
            LOG.log(System.Logger.Level.ERROR, String.valueOf(exception.getMessage()), exception);
            return 1;
        });
        // Bare "twin" is "twin view": through the parser, so that the view's option defaults (the start camera
        // among them) are set as for any other command line.
        return commandLine.execute(args.length == 0 ? new String[] {"view"} : args);
    }

    @Override
    public void run() {
        // Only "twin --" lands here (no arguments at all become "view" above): the viewer, with its option defaults.
        new CommandLine(new ViewCommand()).execute();
    }
}
