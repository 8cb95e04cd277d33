package de.dormagentwin.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records the twin logs while it is open, as java.util.logging hands them to the twin's root logger: a test reads
 * what an operator would read, whatever thread logged it. Closing it stops listening.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    /** The twin's root logger, app.Logs.ROOT: the top package, above every logger the twin's classes use. */
    private static final String ROOT = "de.dormagentwin";

    private final Logger root = Logger.getLogger(ROOT);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /**
     * The messages so far and to come, as the console shows them without its "twin: ": the list itself, which a test
     * may clear to read only what follows.
     */
    public List<String> messages() {
        return messages;
    }

    /** The records at {@code level} or above. */
    public List<LogRecord> atLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
        messages.add(MESSAGE.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
