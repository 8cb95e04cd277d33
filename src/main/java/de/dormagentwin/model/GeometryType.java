package de.dormagentwin.model;

/** The geometry types of CityJSON; the surface-based ones are what the viewer draws. */
public enum GeometryType {
    MULTI_POINT("MultiPoint", 1),
    MULTI_LINE_STRING("MultiLineString", 2),
    MULTI_SURFACE("MultiSurface", 3),
    COMPOSITE_SURFACE("CompositeSurface", 3),
    SOLID("Solid", 4),
    MULTI_SOLID("MultiSolid", 5),
    COMPOSITE_SOLID("CompositeSolid", 5);

    private final String jsonName;
    private final int boundaryDepth;

    GeometryType(String jsonName, int boundaryDepth) {
        this.jsonName = jsonName;
        this.boundaryDepth = boundaryDepth;
    }

    public String jsonName() {
        return jsonName;
    }

    /** How deeply the boundaries array nests: 3 for surfaces (surface, ring, vertex), 4 for a solid, 5 for several solids. */
    public int boundaryDepth() {
        return boundaryDepth;
    }

    public boolean hasSurfaces() {
        return boundaryDepth >= 3;
    }

    public static GeometryType fromJsonName(String name) {
        for (GeometryType type : values()) {
            if (type.jsonName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
