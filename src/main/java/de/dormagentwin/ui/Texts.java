package de.dormagentwin.ui;

import de.dormagentwin.model.text.SafeText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words on screen in German and English, from the ResourceBundle {@code de.dormagentwin.ui.texts}, and the
 * language shown now. Texts bound with {@link #bind} follow a change of language at once; a text built with
 * {@link #get} is built again by whoever shows it when {@link #localeProperty()} changes.
 */
public final class Texts {
    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LANGUAGES = List.of(GERMAN, ENGLISH);
    private static final String BUNDLE = "de.dormagentwin.ui.texts";

    private final ObjectProperty<Locale> locale;

    public Texts(Locale initial) {
        locale = new SimpleObjectProperty<>(initial);
    }

    /** The bundle of exactly one language: never the machine's default language as a fallback. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale next) {
        locale.set(next);
    }

    /** The text of a key in the current language, its {0}, {1} ... filled in with {@code arguments}. */
    public String get(String key, Object... arguments) {
        // The bundle by the locale of this moment, not one kept by a listener: bound texts recompute while the
        // locale's listeners are still being told, and ResourceBundle caches the bundles anyway.
        String pattern = bundle(locale.get()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(arguments);
    }

    /** The text of a key if the bundle has one, else {@code fallback}: for names that come from data files. */
    public String getOrDefault(String key, String fallback) {
        try {
            return bundle(locale.get()).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** A text that follows the language. */
    public StringBinding bind(String key, Object... arguments) {
        return Bindings.createStringBinding(() -> get(key, arguments), locale);
    }

    /** A day as the language writes it: 4.12.2026 in German, 12/4/2026 in English; in the machine's time zone. */
    public String date(Instant time) {
        return DateTimeFormatter.ofPattern(get("format.date"), locale()).withZone(ZoneId.systemDefault()).format(time);
    }

    /** A day and the time of day: "4.12.2026 14:05", "12/4/2026 14:05". */
    public String dateTime(Instant time) {
        return date(time) + " " + DateTimeFormatter.ofPattern(get("format.time"), locale()).withZone(ZoneId.systemDefault()).format(time);
    }

    /** A number with the language's separators, to {@code decimals} places: 559.285,5 in German, 559,285.5 in English. */
    public String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /**
     * A unit as words where the symbol is terse ("1/15min" reads "per 15 min"), else the symbol as it is, escaped:
     * units come from the feeds.
     */
    public String unit(String symbol) {
        return symbol == null || symbol.isBlank() ? "" : getOrDefault("unit." + keyOf(symbol), SafeText.of(symbol, 40));
    }

    /** A key for a name from data ("PM10 concentration" gives "pm10-concentration"). */
    public static String keyOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
