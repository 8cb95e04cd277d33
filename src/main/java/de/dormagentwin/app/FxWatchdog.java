package de.dormagentwin.app;

import de.dormagentwin.model.text.SafeText;
import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Notices a stalled FX thread: every {@code period} it posts a heartbeat to the FX thread, and when none has come
 * through for longer than {@code limit} it calls {@code onStall} once for that stall, from its own thread. A stalled
 * FX thread cannot be freed from outside, so the kiosk's answer is to log where it hangs and end the process with
 * {@link #STALLED_EXIT_CODE}, which its supervisor (systemd with {@code Restart=always}) restarts in seconds.
 */
final class FxWatchdog implements AutoCloseable {
    /** The exit code of a kiosk ended by its watchdog: EX_TEMPFAIL, "try again". */
    static final int STALLED_EXIT_CODE = 75;
    private static final System.Logger LOG = System.getLogger(FxWatchdog.class.getName());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twin-fx-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final LongSupplier nanoTime;
    private volatile long limitNanos;
    private final Runnable onStall;
    private volatile long lastBeat;
    private boolean reported;

    FxWatchdog(Duration period, Duration limit, LongSupplier nanoTime, Runnable onStall) {
        this.nanoTime = nanoTime;
        this.limitNanos = limit.toNanos();
        this.onStall = onStall;
        lastBeat = nanoTime.getAsLong();
        timer.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Changes how long the FX thread may stay silent: a start that uploads a whole city may take longer. */
    void setLimit(Duration limit) {
        limitNanos = limit.toNanos();
    }

    /**
     * One look: posts a heartbeat and compares the clock with the last one that came through. The timer calls it every
     * period; a test calls it itself, on a clock of its own. A scheduled task that throws is never run again, unseen:
     * the kiosk would go on without its watchdog.
     */
    void check() {
        try {
            checkOnce();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "FX watchdog: " + SafeText.of(String.valueOf(e)), e);
        }
    }

    private void checkOnce() {
        Platform.runLater(() -> lastBeat = nanoTime.getAsLong());
        boolean stalled = nanoTime.getAsLong() - lastBeat > limitNanos;
        if (stalled && !reported) {
            reported = true;
            onStall.run();
        } else if (!stalled) {
            reported = false;
        }
    }

    /** Where the FX thread is, as a cause's stack trace: the log file keeps it, the console stays one line. */
    static Throwable fxThreadStack() {
        Throwable where = new Throwable("the FX thread's stack");
        where.setStackTrace(new StackTraceElement[0]);
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().equals("JavaFX Application Thread")) {
                where.setStackTrace(stack);
            }
        });
        return where;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
