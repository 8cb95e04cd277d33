package de.dormagentwin.scene;

import de.dormagentwin.model.Chempark;
import de.dormagentwin.model.CityObject;

/**
 * The classes the scene draws in separate meshes, each with its own material. Merging by class keeps the node
 * count small while letting roofs, walls, water and the CHEMPARK each have a style of their own.
 */
public enum SurfaceClass {
    ROOF(0xFFB5523B),
    WALL(0xFFEDE3D1),
    FACILITY(0xFFB9C3CC),
    WATER(0xFF3D7FB8),
    ROAD(0xFF6E6E73),
    RAIL(0xFF8A6F5A),
    VEGETATION(0xFF6C9A4B),
    TERRAIN(0xFFA8B98A),
    OTHER(0xFFB0AAA0);

    private final int defaultArgb;

    SurfaceClass(int defaultArgb) {
        this.defaultArgb = defaultArgb;
    }

    /** The colour of a surface of this class that has no material colour of its own, as opaque ARGB. */
    public int defaultArgb() {
        return defaultArgb;
    }

    /**
     * Classifies one surface of an object by the object's type, its semantic surface type and, where the file
     * has no semantics, by how much the surface faces up.
     */
    public static SurfaceClass of(CityObject object, String semanticType, double normalUp) {
        if (Chempark.contains(object) || object.type().equals("OtherConstruction")) {
            return FACILITY;
        }
        return switch (object.type()) {
            case "WaterBody", "Waterway" -> WATER;
            case "Road", "TransportSquare" -> ROAD;
            case "Railway" -> RAIL;
            case "PlantCover", "SolitaryVegetationObject" -> VEGETATION;
            case "TINRelief", "LandUse" -> TERRAIN;
            case "Building", "BuildingPart", "BuildingInstallation", "BuildingConstructiveElement", "BuildingRoom",
                 "BuildingStorey", "BuildingUnit", "Bridge", "BridgePart", "BridgeInstallation",
                 "BridgeConstructiveElement", "Tunnel", "TunnelPart", "TunnelInstallation" -> building(semanticType, normalUp);
            default -> OTHER;
        };
    }

    private static SurfaceClass building(String semanticType, double normalUp) {
        if (semanticType != null) {
            return semanticType.equals("RoofSurface") ? ROOF : WALL;
        }
        return normalUp > 0.3 ? ROOF : WALL;
    }

    /** Pitched roofs: terracotta, brown-red, anthracite and dark brown tiles, as a Lower Rhine street has them. */
    private static final int[] PITCHED_ROOF_ARGB = {0xFFA9503D, 0xFFB35A43, 0xFF8A4536, 0xFF55585C, 0xFF4A4D52,
        0xFF6B4A3A, 0xFFA04A38};
    /** Flat roofs: gravel, bitumen and the odd green roof. */
    private static final int[] FLAT_ROOF_ARGB = {0xFF8E8B85, 0xFF9C9890, 0xFF7F7D78, 0xFF8A8F84, 0xFF7E9460};
    private static final int WINDOW_ARGB = 0xFF7F97A8;
    private static final int DOOR_ARGB = 0xFF6E4F3A;
    /** Walls: white and beige plaster mostly, red and yellow brick now and then. */
    private static final int[] WALL_ARGB = {0xFFEDE6D8, 0xFFF1ECE2, 0xFFE4D8C2, 0xFFD9CDB8, 0xFFE9DFCB,
        0xFFB06F52, 0xFFC4A27E};

    /**
     * The colour of a surface that has no material colour of its own: CHEMPARK facilities by function, roofs by
     * roof type, roofs and walls of buildings varied by the object's id (the same on every run), so that a street
     * reads as houses and not as one red carpet; other classes take their {@link #defaultArgb}.
     */
    public static int styleArgb(CityObject object, SurfaceClass surfaceClass) {
        return switch (surfaceClass) {
            case FACILITY -> facilityArgb(object);
            case ROOF -> isFlatRoof(object.textAttribute("roofType"))
                    ? pick(FLAT_ROOF_ARGB, object, 0x2545F491)
                    : pick(PITCHED_ROOF_ARGB, object, 0x9E3779B9);
            case WALL -> pick(WALL_ARGB, object, 0x632BE5AB);
            default -> surfaceClass.defaultArgb();
        };
    }

    /** A surface's colour by its semantic type where that has a look of its own (glass, a door), else by its class. */
    public static int styleArgb(CityObject object, SurfaceClass surfaceClass, String semanticType) {
        if ("Window".equals(semanticType)) {
            return WINDOW_ARGB;
        }
        if ("Door".equals(semanticType)) {
            return DOOR_ARGB;
        }
        return styleArgb(object, surfaceClass);
    }

    /** "flat" in CityJSON's words, 1000 in the roof type code list of the German state surveys (AdV), as NRW's tiles have it. */
    private static boolean isFlatRoof(String roofType) {
        return "flat".equalsIgnoreCase(roofType) || "1000".equals(roofType);
    }

    /** One of the colours by a hash of the id, mixed so that neighbouring ids (house-0001, house-0002) differ. */
    private static int pick(int[] colours, CityObject object, int salt) {
        int hash = object.id().hashCode() * salt;
        hash ^= hash >>> 15;
        hash *= 0x2C1B3C6D;
        hash ^= hash >>> 12;
        return colours[Math.floorMod(hash, colours.length)];
    }

    /** Colours of CHEMPARK facilities by function, so that tanks, stacks and plants read apart at a glance. */
    static int facilityArgb(CityObject object) {
        String function = object.textAttribute("function");
        if (function == null) {
            return FACILITY.defaultArgb;
        }
        return switch (function) {
            case "storage tank" -> 0xFFE8ECEF;
            case "stack" -> 0xFFB34A3C;
            case "cooling tower" -> 0xFFC9C4BA;
            case "pipe rack" -> 0xFFB8743A;
            case "port crane" -> 0xFFE0B12B;
            case "control room" -> 0xFF7D9DB5;
            case "warehouse" -> 0xFF9DA7A0;
            default -> FACILITY.defaultArgb;
        };
    }
}
