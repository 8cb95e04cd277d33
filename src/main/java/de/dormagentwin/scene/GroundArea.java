package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;

import java.util.List;

/**
 * An area of land use (a field, a wood, a residential area) that is painted onto the ground's image rather than
 * drawn as a polygon of its own: flat polygons on a terrain would fight it for the same pixels, and thousands of
 * them would cost nodes and triangles for what is, seen from above, only a colour.
 *
 * @param argb  the colour the area is painted in, opaque
 * @param grain how much the colour varies from texel to texel, as a share of it: a wood's canopy, gardens among
 *              houses; 0 for an even colour
 * @param rings outer ring first, then holes: x, z pairs in scene coordinates (metres from the scene origin)
 */
public record GroundArea(int argb, double grain, List<float[]> rings) {

    /**
     * Farmland parcels take one of these, by id, so that the fields read as a patchwork of crops, stubble and
     * ploughed land; close enough in tone that the patchwork stays a background to the town.
     */
    private static final int[] FIELD_ARGB = {0xFFB9BA7B, 0xFFAEB673, 0xFFA4B26D, 0xFF9DAE68, 0xFFBBB282,
        0xFFC3BE8B, 0xFFB0B877};
    /** Land use whose function the viewer does not know: a plain meadow green, so that it is ground and no more. */
    static final int UNKNOWN_ARGB = 0xFFA8B98A;

    public GroundArea {
        rings = List.copyOf(rings);
    }

    /** The area of a land-use object's surface: its colour and grain by its function (see {@link #argbOf}). */
    static GroundArea of(CityObject object, List<float[]> rings) {
        return new GroundArea(argbOf(object), grainOf(object.textAttribute("function")), rings);
    }

    /** Whether an object is painted on the ground rather than drawn: CityJSON and CityGML "LandUse". */
    static boolean isGroundArea(CityObject object) {
        return object.type().equals("LandUse");
    }

    /**
     * The colour of a land-use object by its "function" (the vocabulary of the bundled sample, as in
     * {@code OpenStreetMap}'s landuse tags); others get {@link #UNKNOWN_ARGB}.
     */
    static int argbOf(CityObject object) {
        String function = object.textAttribute("function");
        if (function == null) {
            return UNKNOWN_ARGB;
        }
        return switch (function) {
            case "farmland" -> FIELD_ARGB[Math.floorMod(object.id().hashCode(), FIELD_ARGB.length)];
            case "meadow" -> 0xFF98B867;
            case "forest" -> 0xFF4F7A3F;
            // Gardens between the houses: from above a built-up area is more green than grey.
            case "residential" -> 0xFFB2B694;
            case "industrial" -> 0xFFB8B6AF;
            case "park" -> 0xFF86B860;
            case "cemetery" -> 0xFF7FA266;
            case "sports" -> 0xFF78B556;
            case "allotments" -> 0xFFA3BD6E;
            case "water" -> 0xFF5F95C4;
            default -> UNKNOWN_ARGB;
        };
    }

    private static double grainOf(String function) {
        if (function == null) {
            return 0;
        }
        return switch (function) {
            case "forest" -> 0.16;
            case "residential", "cemetery", "allotments" -> 0.10;
            case "park", "meadow" -> 0.05;
            case "farmland", "industrial" -> 0.03;
            default -> 0;
        };
    }
}
