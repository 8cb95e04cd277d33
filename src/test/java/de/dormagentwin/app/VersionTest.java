package de.dormagentwin.app;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin --version} says the version the POM builds, from the classes as bin/twin runs them. */
class VersionTest {

    @Test
    void twinVersionPrintsThePomsVersion() throws Exception {
        TwinProcess run = TwinProcess.twin("--version");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().lines().anyMatch(("Dormagen Twin " + pomVersion())::equals), run.output());
    }

    @Test
    void aSubcommandAnswersWithTheSameVersion() throws Exception {
        TwinProcess run = TwinProcess.twin("cache", "stats", "--version");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().lines().anyMatch(("Dormagen Twin " + pomVersion())::equals), run.output());
    }

    /** The project's own version element, not a parent's or a dependency's. */
    private static String pomVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("version")) {
                return element.getTextContent().strip();
            }
        }
        throw new AssertionError("pom.xml has no version of its own");
    }
}
