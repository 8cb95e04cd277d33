package de.dormagentwin.sample;

/** The CityJSON semantic surface types this generator emits. */
enum SurfaceType {
    GROUND("GroundSurface"),
    WALL("WallSurface"),
    ROOF("RoofSurface");

    private final String cityJsonName;

    SurfaceType(String cityJsonName) {
        this.cityJsonName = cityJsonName;
    }

    String cityJsonName() {
        return cityJsonName;
    }
}
