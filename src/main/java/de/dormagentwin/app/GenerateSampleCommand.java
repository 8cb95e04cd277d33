package de.dormagentwin.app;

import de.dormagentwin.sample.DormagenSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code twin generate-sample}: writes the synthetic Dormagen sample; the same bytes on every run. */
@Command(name = "generate-sample", description = "Generate the synthetic Dormagen sample model (CityJSONSeq).")
final class GenerateSampleCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output file (default: ${DEFAULT-VALUE}).", defaultValue = ModelFiles.SAMPLE_FILE)
    Path out;

    @Override
    public Integer call() throws IOException {
        Path target = out.isAbsolute() ? out : ModelFiles.home().resolve(out);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        DormagenSample.write(target);
        System.out.printf("wrote %s (%.1f MB)%n", target, Files.size(target) / 1e6);
        return 0;
    }
}
