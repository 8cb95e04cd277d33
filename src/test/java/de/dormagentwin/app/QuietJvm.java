package de.dormagentwin.app;

import java.util.List;

/**
 * The flags that keep a child JVM's console free of the JDK's warnings, as bin/twin and the build pass them: JavaFX
 * loads native libraries (JDK 22 and later warn unless native access is allowed), and JavaFX and H2 use
 * sun.misc.Unsafe's memory methods (JDK 24 and later warn; the option that allows them exists from JDK 23 on, and an
 * older JVM refuses to start with it).
 */
final class QuietJvm {
    static final List<String> FLAGS = Runtime.version().feature() >= 23
            ? List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
            : List.of("--enable-native-access=ALL-UNNAMED");

    private QuietJvm() {
    }
}
