package de.dormagentwin.app;

import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where the twin's log goes: every class logs through {@code System.getLogger(its name)}, and the JDK hands the records
 * to java.util.logging's logger {@value #ROOT}, set up here once per process. The console gets one short line per
 * record, {@code twin: <message>}, as the command line always printed, never a stack trace. The kiosk and the service
 * also keep a file in the user's state folder, capped in size and rotated, with times, threads and the whole stack
 * trace of every cause: a kiosk runs for weeks, and what went wrong on day 12 must still be there, and the disk
 * must not fill up.
 */
public final class Logs {
    static final String ROOT = "de.dormagentwin";
    /** Bytes per log file before it rotates; with {@link #FILES} the most the log takes is 25 MiB. */
    static final int LIMIT = 5 * 1024 * 1024;
    static final int FILES = 5;
    /** Lowers (or raises) the level of both console and file, for debugging in the field: FINE, DEBUG, WARNING... */
    static final String LEVEL_VARIABLE = "TWIN_LOG_LEVEL";

    /** Held for good: java.util.logging keeps its loggers only weakly, and a collected one loses its handlers. */
    private static final Logger ROOT_LOGGER = Logger.getLogger(ROOT);
    private static ConsoleLine console;
    private static FileHandler file;
    private static Path filePattern;

    private Logs() {
    }

    /** For the ordinary commands: the console only. Once per process; a file set up before stays. */
    public static synchronized void configureConsoleOnly() {
        configureConsole(System.getenv());
    }

    /**
     * The console and, in the user's state folder, the files {@code <name>.0.log} (the newest) to
     * {@code <name>.4.log}. A folder or file that cannot be written costs one warning on the console, never the
     * program. Returns the newest file, when there is one.
     */
    public static synchronized Optional<Path> configure(String name) {
        return configure(name, System.getenv(), LIMIT, FILES);
    }

    static synchronized Optional<Path> configure(String name, Map<String, String> environment, int limit, int files) {
        configureConsole(environment);
        if (file != null) {
            return Optional.of(newest());
        }
        Path folder = TwinConfig.defaultStateFolder(environment);
        try {
            createPrivate(folder);
            FileHandler handler = new FileHandler(folder.resolve(name + ".%g.log").toString(), limit, files, true);
            handler.setEncoding(StandardCharsets.UTF_8.name());
            handler.setFormatter(new FileLine());
            handler.setLevel(ROOT_LOGGER.getLevel());
            file = handler;
            filePattern = folder.resolve(name + ".%g.log");
            ROOT_LOGGER.addHandler(handler);
            console.logFile = newest();
            return Optional.of(newest());
        } catch (IOException | RuntimeException e) {
            System.getLogger(Logs.class.getName()).log(System.Logger.Level.WARNING, "no log file in " + SafeText.of(folder.toString())
                    + " (" + SafeText.of(String.valueOf(e.getMessage())) + "); logging to the console only");
            return Optional.empty();
        }
    }

    private static void configureConsole(Map<String, String> environment) {
        if (console != null) {
            return;
        }
        console = new ConsoleLine();
        ROOT_LOGGER.setUseParentHandlers(false);
        ROOT_LOGGER.addHandler(console);
        String word = environment.get(LEVEL_VARIABLE);
        Optional<Level> chosen = word == null || word.isBlank() ? Optional.of(Level.INFO) : level(word);
        Level level = chosen.orElse(Level.INFO);
        ROOT_LOGGER.setLevel(level);
        console.setLevel(level);
        if (chosen.isEmpty()) {
            System.getLogger(Logs.class.getName()).log(System.Logger.Level.WARNING, LEVEL_VARIABLE + "=" + SafeText.of(word)
                    + " is no log level (ERROR, WARNING, INFO, DEBUG, TRACE, or java.util.logging's FINE, FINER...); logging at INFO");
        }
    }

    /** A level by its System.Logger or java.util.logging name, in any case; numbers are not levels here. */
    static Optional<Level> level(String word) {
        String name = word.strip().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ERROR" -> Optional.of(Level.SEVERE);
            case "DEBUG" -> Optional.of(Level.FINE);
            case "TRACE" -> Optional.of(Level.FINER);
            case "OFF", "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL" -> Optional.of(Level.parse(name));
            default -> Optional.empty();
        };
    }

    /**
     * Creates the folder as its owner's alone where the file system knows owners: the log names the feeds, files and
     * problems of the site, which are not for the other users of the machine.
     */
    private static void createPrivate(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static Path newest() {
        return Path.of(filePattern.toString().replace("%g", "0"));
    }

    /**
     * Logs what a thread left uncaught, the trace to the file only: a kiosk's visitor sees no stack trace on its
     * console, and its operator finds the whole of it in the file.
     */
    static Thread.UncaughtExceptionHandler uncaughtHandler() {
        System.Logger log = System.getLogger(Logs.class.getName());
        return (thread, failure) -> log.log(System.Logger.Level.ERROR, "thread " + SafeText.of(thread.getName()) + " failed: "
                + SafeText.of(String.valueOf(failure), 1_000), failure);
    }

    /** Undoes the set-up, for tests that set up the logs of their own: closes the file. */
    static synchronized void reset() {
        if (file != null) {
            ROOT_LOGGER.removeHandler(file);
            file.close();
            file = null;
            filePattern = null;
        }
        if (console != null) {
            ROOT_LOGGER.removeHandler(console);
            console = null;
        }
        ROOT_LOGGER.setLevel(null);
        ROOT_LOGGER.setUseParentHandlers(true);
    }

    /**
     * The console's line: {@code twin: <message>}, to whatever {@code System.err} is when the record comes (the command
     * line's guarded stream, or a test's). A cause shows as a pointer to the file, where its trace is.
     */
    private static final class ConsoleLine extends Handler {
        private volatile Path logFile;

        ConsoleLine() {
            setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    return formatMessage(record);
                }
            });
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            Path where = logFile;
            String pointer = record.getThrown() != null && where != null ? " (see " + where + ")" : "";
            System.err.println("twin: " + getFormatter().format(record) + pointer);
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /**
     * A file record: time, level, logger, thread and message on one line; more lines of the message and a cause's
     * whole stack trace after it, each line indented and escaped, so that only records start a line with a time and
     * no exception's message (which may quote a feed) can forge one.
     */
    static final class FileLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(200)
                    .append(Instant.ofEpochMilli(record.getMillis()))
                    .append(' ').append(record.getLevel().getName())
                    .append(' ').append(record.getLoggerName())
                    .append(" [").append(threadName(record)).append("] ");
            // The console has its guard (ConsoleGuard); the file has this: a message that forgot SafeText still
            // cannot forge a record or send an escape to whoever reads the file in a terminal.
            List<String> message = formatMessage(record).lines().toList();
            line.append(message.isEmpty() ? "" : escaped(message.get(0))).append(System.lineSeparator());
            message.stream().skip(1).forEach(text -> line.append("  ").append(escaped(text)).append(System.lineSeparator()));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                trace.toString().lines().forEach(text -> line.append("  ").append(escaped(text)).append(System.lineSeparator()));
            }
            return line.toString();
        }

        private static String escaped(String text) {
            return SafeText.of(text.replace("\t", "    "), 10_000);
        }

        /** Records are written on the thread that logged them; another thread's (a handler's queue) by its number. */
        private static String threadName(LogRecord record) {
            Thread current = Thread.currentThread();
            return current.threadId() == record.getLongThreadID() ? SafeText.of(current.getName()) : "thread " + record.getLongThreadID();
        }
    }
}
