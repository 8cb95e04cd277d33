package de.dormagentwin.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ArchitectureTest#onlyTheCommandLinePrints} catches a class outside the command line that prints or takes
 * over the console, and lets one that logs pass: the rule passing on the main code means something.
 */
class StandardStreamsRuleTest {

    @Test
    void aPaneThatPrintsBreaksTheRule() {
        EvaluationResult result = evaluate(PrintingPane.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("PrintingPane"), result.getFailureReport().toString());
    }

    @Test
    void aPaneThatWritesToStandardErrorBreaksTheRule() {
        assertTrue(evaluate(ComplainingPane.class).hasViolation());
    }

    @Test
    void aClassThatRedirectsTheConsoleBreaksTheRule() {
        assertTrue(evaluate(RedirectingService.class).hasViolation());
    }

    @Test
    void aPaneThatLogsKeepsTheRule() {
        assertFalse(evaluate(LoggingPane.class).hasViolation());
    }

    private static EvaluationResult evaluate(Class<?> type) {
        JavaClasses classes = new ClassFileImporter().importClasses(type);
        return ArchitectureTest.onlyTheCommandLinePrints.evaluate(classes);
    }

    static final class PrintingPane {
        void show(String text) {
            System.out.println(text);
        }
    }

    static final class ComplainingPane {
        void fail(String text) {
            System.err.println(text);
        }
    }

    static final class RedirectingService {
        void quiet() {
            System.setOut(new PrintStream(new ByteArrayOutputStream()));
        }
    }

    static final class LoggingPane {
        private static final System.Logger LOG = System.getLogger(LoggingPane.class.getName());

        void show(String text) {
            LOG.log(System.Logger.Level.INFO, text);
        }
    }
}
