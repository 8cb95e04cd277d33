package de.dormagentwin.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Words on screen come from the bundles: a literal handed to a text setter or a control's constructor is a word in one language only. */
class ScreenWordsInCodeTest {
    private static final Path UI = Path.of("src/main/java/de/dormagentwin/ui");
    /**
     * A literal with a letter in it, as the first argument of a text setter or of a constructor of something that
     * shows text. Literals without letters ("", "✕", " · ") are no words.
     */
    private static final Pattern WORD_IN_CODE = Pattern.compile("(?:\\.set(?:Text|PromptText|Title|HeaderText|ContentText|Label)"
            + "|new\\s+(?:Label|Button|ToggleButton|CheckBox|RadioButton|MenuItem|Menu|RadioMenuItem|CheckMenuItem|CustomMenuItem|Tooltip"
            + "|TitledPane|Tab|TableColumn|TreeTableColumn|MenuButton|SplitMenuButton|Hyperlink|Text|TextInputDialog|Alert"
            + "|FileChooser\\.ExtensionFilter)\\s*(?:<[^>(]*>)?)"
            + "\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*\\p{L}(?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void noUiCodeHandsALiteralWordToTheScreen() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> found.addAll(wordsIn(file)));
        }
        assertEquals(List.of(), found, "words for the screen belong in texts.properties and texts_de.properties");
    }

    @Test
    void theSearchFindsLiteralsInEveryFormItTakesAndLeavesWhatIsNoWord() {
        String code = """
                title.setText("Alerts: " + count);
                Button seen = new Button(
                        "Acknowledge");
                TableColumn<Row, String> column = new TableColumn<>("Value");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
                field.setPromptText("Suche");
                Button drop = new Button("✕");
                label.setText("");
                label.setText(" · " + 3);
                status.setText(texts.get("planner.home"));
                """;
        assertEquals(List.of("Alerts: ", "Acknowledge", "Value", "All files", "Suche"), literals(code));
    }

    @Test
    void theFolderSearchedIsTheUiCode() {
        assertTrue(Files.isRegularFile(UI.resolve("ViewerPane.java")), "run from the project's root: " + UI.toAbsolutePath());
    }

    private static List<String> wordsIn(Path file) {
        try {
            return literals(Files.readString(file)).stream().map(literal -> UI.relativize(file) + ": \"" + literal + "\"").toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> literals(String code) {
        List<String> found = new ArrayList<>();
        Matcher matcher = WORD_IN_CODE.matcher(code);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
