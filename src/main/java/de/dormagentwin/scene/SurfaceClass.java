package de.dormagentwin.scene;

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
        if ("CHEMPARK".equals(object.textAttribute("site")) || object.type().equals("OtherConstruction")) {
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
