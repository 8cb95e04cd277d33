package de.dormagentwin.live;

import java.util.Locale;

/**
 * Who may see a datastream. The kiosk shows {@link #PUBLIC} only; CHEMPARK process data is partner or confidential.
 * The constants run from the loosest to the strictest.
 */
public enum Classification {
    PUBLIC, PARTNER, CONFIDENTIAL;

    /** The word stored in the cache and printed by the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Classification parse(String word) {
        for (Classification classification : values()) {
            if (classification.word().equalsIgnoreCase(word.trim())) {
                return classification;
            }
        }
        throw new IllegalArgumentException("classification must be public, partner or confidential, not '" + word + "'");
    }

    /** As {@link #parse}, but a missing or unknown word is {@link #CONFIDENTIAL}: what no one classified, no one may see. */
    public static Classification parseOrConfidential(String word) {
        if (word == null) {
            return CONFIDENTIAL;
        }
        try {
            return parse(word);
        } catch (IllegalArgumentException e) {
            return CONFIDENTIAL;
        }
    }

    /** The stricter of the two: who may see both. */
    public Classification stricter(Classification other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
