package de.dormagentwin.ui;

import de.dormagentwin.model.text.SmallTextFile;
import de.dormagentwin.model.text.SafeText;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The planner's language: one for the whole window, so that a planner opened on new files speaks as the one it
 * replaced, and every part of it follows a change at once through {@link #texts()}. The choice is kept in a small
 * settings file ({@code language=de}); without one, the machine's language decides: German where it is German,
 * else English.
 */
public final class PlannerLanguage {
    private static final System.Logger LOG = System.getLogger(PlannerLanguage.class.getName());
    /** A settings file is a line or two; a larger one is no settings file. */
    static final int MAX_BYTES = 64 * 1024;
    static final String KEY = "language";
    /** English until the application or a planner with a settings file says otherwise: tests see the same words everywhere. */
    private static final Texts TEXTS = new Texts(Texts.ENGLISH);

    private PlannerLanguage() {
    }

    /** The planner's words, in the language chosen now. FX thread. */
    public static Texts texts() {
        return TEXTS;
    }

    /**
     * Names a combo box's items by {@code names}, and writes the one shown on its button again: a combo box writes
     * its button only when its value changes, not when its converter does.
     */
    static <T> void name(ComboBox<T> combo, StringConverter<T> names) {
        combo.setConverter(names);
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : names.toString(item));
            }
        });
    }

    /** German where the machine's language is German, else English. */
    public static Locale ofSystem(Locale system) {
        return Texts.GERMAN.getLanguage().equals(system.getLanguage()) ? Texts.GERMAN : Texts.ENGLISH;
    }

    /** One of {@link Texts#LANGUAGES} by its tag ("de", "en"), or null for anything else. */
    public static Locale parse(String tag) {
        if (tag == null) {
            return null;
        }
        String clean = tag.strip().toLowerCase(Locale.ROOT);
        return Texts.LANGUAGES.stream().filter(language -> language.getLanguage().equals(clean)).findFirst().orElse(null);
    }

    /**
     * The language kept in {@code settings}, or the machine's where there is no file; a file that cannot be read or
     * holds no language we speak is logged and the machine's language is taken: a settings file never keeps the
     * planner from opening.
     */
    public static Locale read(Path settings, Locale system) {
        if (settings == null) {
            return ofSystem(system);
        }
        try {
            if (Files.size(settings) > MAX_BYTES) {
                LOG.log(System.Logger.Level.WARNING, "planner settings " + SafeText.of(settings.toString()) + " are larger than "
                        + MAX_BYTES + " bytes: ignored, the language follows the system");
                return ofSystem(system);
            }
            Properties properties = new Properties();
            try (Reader reader = new StringReader(Files.readString(settings, StandardCharsets.UTF_8))) {
                properties.load(reader);
            }
            String tag = properties.getProperty(KEY);
            Locale chosen = parse(tag);
            if (chosen == null) {
                LOG.log(System.Logger.Level.WARNING, "planner settings " + SafeText.of(settings.toString()) + ": language \""
                        + SafeText.of(String.valueOf(tag), 40) + "\" is not one of de, en; the language follows the system");
                return ofSystem(system);
            }
            return chosen;
        } catch (NoSuchFileException e) {
            return ofSystem(system);
        } catch (IOException | IllegalArgumentException e) {
            // Properties.load throws IllegalArgumentException on a malformed \\u escape; a broken file is no reason to fail.
            LOG.log(System.Logger.Level.WARNING, "planner settings " + SafeText.of(settings.toString()) + " cannot be read ("
                    + SafeText.of(String.valueOf(e.getMessage())) + "); the language follows the system");
            return ofSystem(system);
        }
    }

    /**
     * Keeps the language in {@code settings}, written beside it first and moved over it, so that a failure leaves the
     * old file whole. The folder is made where it is missing.
     */
    public static void write(Path settings, Locale language) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(settings)) {
            // Other settings a later version keeps in the same file stay.
            try (Reader reader = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "planner settings " + SafeText.of(settings.toString()) + " cannot be read ("
                        + SafeText.of(String.valueOf(e.getMessage())) + "); written anew");
                properties.clear();
            }
        }
        properties.setProperty(KEY, language.getLanguage());
        StringWriter text = new StringWriter();
        properties.store(text, "Dormagen Twin planner");
        Path target = settings.toAbsolutePath();
        Files.createDirectories(target.getParent());
        SmallTextFile.write(target, text.toString());
    }
}
