package de.dormagentwin.ui;

import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TextsTest {
    @Test
    void germanAndEnglishHaveTheSameKeysAndNoEmptyText() {
        ResourceBundle english = Texts.bundle(Texts.ENGLISH);
        ResourceBundle german = Texts.bundle(Texts.GERMAN);
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(german.keySet()));
        for (ResourceBundle bundle : new ResourceBundle[]{english, german}) {
            for (String key : bundle.keySet()) {
                assertFalse(bundle.getString(key).isBlank(), key + " is empty in " + bundle.getLocale());
            }
        }
    }

    @Test
    void aBoundTextFollowsTheLanguageAndFillsInItsArguments() {
        Texts texts = new Texts(Texts.GERMAN);
        var legend = texts.bind("legend.between", "20", "40");
        assertEquals("20 bis 40", legend.get());
        texts.setLocale(Texts.ENGLISH);
        assertEquals("20 to 40", legend.get());
    }

    @Test
    void namesFromDataAreLookedUpByKeyAndShownAsTheyAreWhereTheBundleHasNone() {
        Texts texts = new Texts(Texts.ENGLISH);
        assertEquals("pm2-5-concentration", Texts.keyOf("PM2.5 concentration"));
        assertEquals("Fine dust PM10", texts.getOrDefault("property." + Texts.keyOf("PM10 concentration"), "x"));
        assertEquals("SO2 concentration", texts.getOrDefault("property." + Texts.keyOf("SO2 concentration"), "SO2 concentration"));
    }

    @Test
    void germanIsGermanWhateverTheMachinesLanguage() {
        // The no-fallback control: a missing German bundle must not quietly show the default language's words.
        assertEquals("unter {0}", Texts.bundle(Texts.GERMAN).getString("legend.below"));
        assertEquals("below {0}", Texts.bundle(Texts.ENGLISH).getString("legend.below"));
    }
}
