package de.dormagentwin.ui;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void everyPatternHasTheSamePlaceholdersInBothLanguagesAndParses() {
        ResourceBundle english = Texts.bundle(Texts.ENGLISH);
        ResourceBundle german = Texts.bundle(Texts.GERMAN);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(english.keySet())) {
            String inEnglish = english.getString(key);
            String inGerman = german.containsKey(key) ? german.getString(key) : "";
            if (!placeholders(inEnglish).equals(placeholders(inGerman))) {
                problems.add(key + ": " + placeholders(inEnglish) + " in English, " + placeholders(inGerman) + " in German");
            }
            for (String pattern : List.of(inEnglish, inGerman)) {
                if (pattern.contains("{")) {
                    try {
                        // Filled in as Texts does; every argument a number, which a text, number or choice format takes.
                        new MessageFormat(pattern, Texts.GERMAN).format(new Object[]{1, 2, 3, 4, 5, 6});
                    } catch (IllegalArgumentException e) {
                        problems.add(key + ": " + e.getMessage() + " in \"" + pattern + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noPatternLosesAnApostropheToMessageFormat() {
        // In a pattern with arguments a lone ' starts a quoted part and vanishes: "the view's centre" reads "the views
        // centre". Such patterns write it ''.
        List<String> problems = new ArrayList<>();
        for (java.util.Locale language : Texts.LANGUAGES) {
            ResourceBundle bundle = Texts.bundle(language);
            for (String key : new TreeSet<>(bundle.keySet())) {
                String pattern = bundle.getString(key);
                if (pattern.contains("{") && pattern.replace("''", "").contains("'")) {
                    problems.add(language + " " + key + ": " + pattern);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The arguments a pattern fills in, each with the kind of format it takes ("0:choice", "1:number", "2:"). */
    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{(\\d+)\\s*(?:,\\s*(\\w+))?").matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1) + ":" + (matcher.group(2) == null ? "" : matcher.group(2)));
        }
        return found;
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
