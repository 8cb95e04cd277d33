package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;

import java.util.List;

/**
 * An area of land use (a field, a wood, a residential area) that is painted onto the ground's image rather than
 * drawn as a polygon of its own: flat polygons on a terrain would fight it for the same pixels, and thousands of
 * them would cost nodes and triangles for what is, seen from above, only a colour.
 *
 * @param argb  the colour the area is painted in, opaque
 * @param rings outer ring first, then holes: x, z pairs in scene coordinates (metres from the scene origin)
 */
public record GroundArea(int argb, List<float[]> rings) {

    /** Farmland parcels take one of these, by id, so that the fields read as a patchwork and not as one green. */
    private static final int[] FIELD_ARGB = {0xFFC9C07E, 0xFFB3B56C, 0xFFA3B765, 0xFF98AE5C, 0xFFC4AD7C,
        0xFFD3C98F, 0xFFAEBB74};
    /** Land use whose function the viewer does not know: a plain meadow green, so that it is ground and no more. */
    static final int UNKNOWN_ARGB = 0xFFA8B98A;

    public GroundArea {
        rings = List.copyOf(rings);
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
            case "meadow" -> 0xFF9DBB6A;
            case "forest" -> 0xFF557F43;
            case "residential" -> 0xFFD6CFC3;
            case "industrial" -> 0xFFBDBAB3;
            case "park" -> 0xFF86B860;
            case "cemetery" -> 0xFF7FA266;
            case "sports" -> 0xFF78B556;
            case "allotments" -> 0xFFA3BD6E;
            case "water" -> 0xFF5F95C4;
            default -> UNKNOWN_ARGB;
        };
    }
}
