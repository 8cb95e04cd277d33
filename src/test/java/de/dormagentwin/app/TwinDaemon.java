package de.dormagentwin.app;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The command line running in a JVM of its own in the background, as a service or a display runs on site: the test
 * reads what it printed, waits for a line, and stops it gently (SIGTERM) or not (SIGKILL). A wait that is not met in
 * {@link #HANG} fails with the output: far above any honest start, so it catches a process that never gets there.
 */
final class TwinDaemon implements AutoCloseable {
    static final Duration HANG = Duration.ofSeconds(150);

    private final String name;
    private final Process process;
    private final Path log;
    /** Where in the output the next {@link #await} starts: each wait is for something after the last one. */
    private int seen;

    private TwinDaemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static TwinDaemon start(String name, Path folder, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-Dprism.order=es2,sw", "-Dprism.forceGPU=true"));
        command.addAll(QuietJvm.FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return start(name, folder, command, environment, Set.of());
    }

    /**
     * The README's {@code bin/twin}, as a user runs it: its own flags, its class and module path. Without the
     * variables named in {@code removed}, as on a machine that has none of them (DISPLAY).
     */
    static TwinDaemon script(String name, Path folder, Map<String, String> environment, Set<String> removed, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of("bin", "twin").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return start(name, folder, command, environment, removed);
    }

    private static TwinDaemon start(String name, Path folder, List<String> command, Map<String, String> environment, Set<String> removed)
            throws IOException {
        Path log = folder.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().keySet().removeAll(removed);
        return new TwinDaemon(name, builder.start(), log);
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read the output of " + name, e);
        }
    }

    /** Waits until the output, after what the last wait found, holds {@code text}. */
    void await(String text) throws InterruptedException {
        awaitAll(text);
    }

    /**
     * Waits until the output, after what the last wait found, holds every one of {@code texts}, in any order: two
     * threads of the process may say their parts either way round.
     */
    void awaitAll(String... texts) throws InterruptedException {
        Instant deadline = Instant.now().plus(HANG);
        while (true) {
            String output = output();
            int end = seen;
            boolean all = true;
            for (String text : texts) {
                int at = output.indexOf(text, seen);
                all &= at >= 0;
                end = Math.max(end, at + text.length());
            }
            if (all) {
                seen = end;
                return;
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                Assertions.fail(name + (process.isAlive() ? " did not print within " + HANG.toSeconds() + " s: "
                        : " ended (" + process.exitValue() + ") without printing: ") + String.join(" and ", texts)
                        + "\nIts output:\n" + output);
            }
            Thread.sleep(100);
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Assertions.fail(name + " did not end within " + HANG.toSeconds() + " s; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or removed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops a unit; the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Assertions.fail(name + " did not end on SIGTERM within " + HANG.toSeconds() + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            // Not thrown: an interrupt from close() would be swallowed as a suppressed exception by try-with-resources.
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
