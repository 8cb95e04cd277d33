package de.dormagentwin.ui;

import org.junit.jupiter.api.Test;

import java.time.Instant;
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
    void datesAndNumbersAreWrittenAsTheLanguageWritesThem() {
        // Noon UTC is the 4th of December in every time zone from UTC-11 to UTC+11.
        Instant noon = Instant.parse("2026-12-04T12:00:00Z");
        Texts texts = new Texts(Texts.GERMAN);
        assertEquals("4.12.2026", texts.date(noon));
        assertEquals("559.285", texts.number(559_285, 0));
        assertEquals("1.234,5", texts.number(1234.5, 1));
        texts.setLocale(Texts.ENGLISH);
        assertEquals("12/4/2026", texts.date(noon));
        assertEquals("559,285", texts.number(559_285, 0));
        assertEquals("1,234.5", texts.number(1234.5, 1));
    }

    @Test
    void aCountPerQuarterHourReadsInWordsAndOtherUnitsStayAsTheyAre() {
        Texts texts = new Texts(Texts.ENGLISH);
        assertEquals("per 15 min", texts.unit("1/15min"));
        assertEquals("µg/m³", texts.unit("µg/m³"));
        texts.setLocale(Texts.GERMAN);
        assertEquals("pro 15 min", texts.unit("1/15min"));
        assertEquals("pro 15 min", texts.unit("per 15 min"), "the car rule's unit, as its legend shows it");
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
