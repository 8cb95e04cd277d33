package de.dormagentwin.app;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code twin --version} prints: the POM's version, which the build writes into a resource. A resource and not
 * the jar manifest, since bin/twin runs from target/classes, where there is no manifest.
 */
final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    /** The POM's version, or "unknown" where the classes were compiled without Maven's resource filtering (an IDE). */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " from the class path", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Dormagen Twin " + number()};
    }
}
