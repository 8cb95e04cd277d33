package de.dormagentwin.model;

/**
 * How a model marks the objects of the chemical park: the sample writes the mark, and the scene, the simulator, the
 * layers and the cameras find the park by it, so they must spell it alike.
 */
public final class Chempark {
    /** The attribute that names the site an object belongs to. */
    public static final String SITE_ATTRIBUTE = "site";
    /** Its value on every object of the chemical park. */
    public static final String SITE = "CHEMPARK";

    private Chempark() {
    }

    public static boolean contains(CityObject object) {
        return SITE.equals(object.textAttribute(SITE_ATTRIBUTE));
    }
}
