package de.dormagentwin.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that draws: JavaFX's 3D pipeline on a display (Xvfb with Mesa here), or a window of its own. Left out of
 * {@code ./mvnw test -Pquick}; CI runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("rendering")
public @interface Rendering {
}
