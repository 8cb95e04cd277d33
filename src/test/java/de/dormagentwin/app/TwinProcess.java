package de.dormagentwin.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a JVM of its own with a small heap ({@code -Xmx512m}), as an operator would with a tight
 * machine: an input that makes the command allocate without bound ends in OutOfMemoryError there, not in the test's
 * JVM. A run that has not ended after {@link #HANG_SECONDS} counts as a hang; the limit is far above any honest run, so it
 * catches a command blocked for good, not a slow machine.
 */
record TwinProcess(int exitCode, String output, boolean hung) {
    static final long HANG_SECONDS = 180;

    static TwinProcess twin(String... args) throws IOException, InterruptedException {
        return twin(Map.of(), args);
    }

    /** As {@link #twin(String...)}, with these variables added to the environment. */
    static TwinProcess twin(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
        command.addAll(QuietJvm.FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("twin-process", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean ended = process.waitFor(HANG_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            return new TwinProcess(ended ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !ended);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Neither a stack trace nor an out-of-memory error: what a user reads is a message, not a crash. */
    boolean endedWithAMessage() {
        return !hung && !output.contains("OutOfMemoryError") && !output.contains("\tat ") && !output.contains("Exception in thread");
    }
}
