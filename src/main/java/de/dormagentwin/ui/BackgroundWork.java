package de.dormagentwin.ui;

import de.dormagentwin.model.text.SafeText;
import javafx.application.Platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where the viewer's work goes when it leaves the FX thread: a few named daemon threads, made once by the application
 * and handed to whoever needs them, and closed with it. Every task's failure is logged: an executor keeps it in a
 * future that no one reads, a bare thread prints it where no operator looks, and either way the screen just does not
 * change. Work that runs on a schedule of its own gets a {@link Lane}: one thread, tasks in order, closed with this.
 */
public final class BackgroundWork implements Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());
    /** Idle threads end after this: a kiosk waits for weeks between openings of files. */
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration CLOSING = Duration.ofSeconds(5);

    private final ThreadPoolExecutor pool;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    /** Where answers and failures go: the FX thread, or in a test without one, wherever it listens. */
    private final Executor fxThread;

    /** @param threads how many tasks run at once at most; the others wait their turn */
    public BackgroundWork(String name, int threads) {
        this(name, threads, Platform::runLater);
    }

    BackgroundWork(String name, int threads, Executor fxThread) {
        this.fxThread = fxThread;
        pool = new ThreadPoolExecutor(threads, threads, IDLE.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named(name));
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs a task on one of the threads, logging what it throws. */
    @Override
    public void execute(Runnable task) {
        execute("background task", task);
    }

    /** Runs a task on one of the threads; what it throws is logged under {@code what}. */
    public void execute(String what, Runnable task) {
        pool.execute(logged(what, task));
    }

    /**
     * Runs {@code work} on one of the threads and hands its result to the FX thread; if it fails, the failure is
     * logged and its message, made safe to show, goes to {@code onFailure} on the FX thread, so that the screen can
     * say why nothing came. Once this is closed, nothing runs and neither is called.
     */
    public <T> void call(String what, Callable<T> work, Consumer<? super T> onFxThread, Consumer<String> onFailure) {
        call(pool, fxThread, what, work, onFxThread, onFailure);
    }

    /** A thread of its own for work on a schedule or in strict order, named {@code name}; closed with this. */
    public Lane lane(String name) {
        Lane lane = new Lane(name, fxThread, lanes);
        lanes.add(lane);
        if (pool.isShutdown()) {
            lane.close();
        }
        return lane;
    }

    /** Whether every thread has ended after {@link #close()}. */
    public boolean isTerminated() {
        return pool.isTerminated() && lanes.stream().allMatch(lane -> lane.executor.isTerminated());
    }

    /** Interrupts what runs, drops what waits, and waits a moment for the threads to end. */
    @Override
    public void close() {
        List.copyOf(lanes).forEach(Lane::close);
        stop(pool);
    }

    /**
     * One daemon thread that runs its tasks one after another, in the order given, and on a schedule if asked: for a
     * poller whose tasks share state that only its thread touches. Every task's failure is logged as the pool's are.
     */
    public static final class Lane implements Executor, AutoCloseable {
        private final ScheduledThreadPoolExecutor executor;
        private final Executor fxThread;
        private final List<Lane> owner;

        private Lane(String name, Executor fxThread, List<Lane> owner) {
            this.fxThread = fxThread;
            this.owner = owner;
            executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public void execute(Runnable task) {
            execute("background task", task);
        }

        public void execute(String what, Runnable task) {
            executor.execute(logged(what, task));
        }

        /** As {@link BackgroundWork#call}, on this lane's thread, after what was given to it before. */
        public <T> void call(String what, Callable<T> work, Consumer<? super T> onFxThread, Consumer<String> onFailure) {
            BackgroundWork.call(executor, fxThread, what, work, onFxThread, onFailure);
        }

        /**
         * Runs a task now and then again {@code delay} after each run ends. A run that throws is logged and the next
         * one runs: a scheduled task that threw would never run again.
         */
        public void repeat(String what, Duration delay, Runnable task) {
            executor.scheduleWithFixedDelay(logged(what, task), 0, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            owner.remove(this);
            stop(executor);
        }
    }

    private static <T> void call(ExecutorService executor, Executor fxThread, String what, Callable<T> work,
                                 Consumer<? super T> onFxThread, Consumer<String> onFailure) {
        try {
            executor.execute(logged(what, () -> {
                T result;
                try {
                    result = work.call();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log(what, e);
                    tell(fxThread, onFailure, e);
                    return;
                } catch (Error e) {
                    tell(fxThread, onFailure, e);
                    // Logged on the way out, as every task's error is.
                    throw e;
                }
                fxThread.execute(() -> onFxThread.accept(result));
            }));
        } catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.DEBUG, what + ": not run, the viewer is closing");
        }
    }

    private static void tell(Executor fxThread, Consumer<String> onFailure, Throwable failure) {
        String message = SafeText.of(failure instanceof Exception && !(failure instanceof RuntimeException) && failure.getMessage() != null
                ? failure.getMessage() : String.valueOf(failure));
        fxThread.execute(() -> onFailure.accept(message));
    }

    /** The task, logging what it throws; an error is thrown on after it is logged, as the thread should end. */
    private static Runnable logged(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log(what, e);
            } catch (Error e) {
                log(what, e);
                throw e;
            }
        };
    }

    /**
     * A checked exception is the world failing (a cache closed, a file gone): a warning. Anything else is a bug or the
     * machine: an error with its stack.
     */
    private static void log(String what, Throwable failure) {
        boolean expected = !(failure instanceof RuntimeException || failure instanceof Error);
        LOG.log(expected ? System.Logger.Level.WARNING : System.Logger.Level.ERROR,
                SafeText.of(what) + ": " + SafeText.of(expected && failure.getMessage() != null ? failure.getMessage() : String.valueOf(failure)), failure);
    }

    private static ThreadFactory named(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSING.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "background work still running " + CLOSING.toSeconds() + " s after the viewer closed it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
