package de.dormagentwin.sample;

/** Roof shapes the building writer can generate; the name is the "roofType" attribute value. */
enum RoofType {
    GABLE("gable"),
    HIP("hip"),
    FLAT("flat");

    private final String attributeValue;

    RoofType(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    String attributeValue() {
        return attributeValue;
    }
}
