package de.dormagentwin.model;

/**
 * Which level of detail to draw. The default takes each object's highest; a chosen LoD "2" accepts "2", "2.0"
 * ... "2.3" (the refined LoDs of the same level), while "2.2" accepts only "2.2". Within what it accepts, the
 * highest wins.
 */
public record LodChoice(String lod) {
    public static final LodChoice HIGHEST = new LodChoice(null);

    public static LodChoice parse(String text) {
        if (text == null || text.isBlank()) {
            return HIGHEST;
        }
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("level of detail must be a number such as 1, 2 or 2.2, not '" + text + "'");
        }
        return new LodChoice(text.strip());
    }

    public boolean accepts(String geometryLod) {
        if (lod == null) {
            return true;
        }
        if (lod.contains(".")) {
            return lod.equals(geometryLod);
        }
        return geometryLod.equals(lod) || geometryLod.startsWith(lod + ".");
    }

    static int compare(String a, String b) {
        return Double.compare(numeric(a), numeric(b));
    }

    private static double numeric(String lod) {
        try {
            return Double.parseDouble(lod);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return lod == null ? "highest" : lod;
    }
}
