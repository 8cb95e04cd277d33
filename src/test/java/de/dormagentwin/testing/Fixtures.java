package de.dormagentwin.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small city models in the test resources, which tests of every layer draw, pick and export. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A model under {@code src/test/resources/de/dormagentwin/scene}, e.g. {@code "three-houses.city.json"}. */
    public static Path scene(String name) throws URISyntaxException {
        var resource = Fixtures.class.getResource("/de/dormagentwin/scene/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("no scene fixture " + name);
        }
        return Path.of(resource.toURI());
    }
}
