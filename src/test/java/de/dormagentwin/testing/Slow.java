package de.dormagentwin.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of seconds rather than milliseconds: it starts the twin in processes of its own, a broker, a large file or
 * a whole sample. Left out of {@code ./mvnw test -Pquick}; CI runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
