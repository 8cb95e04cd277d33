package de.dormagentwin.model.geo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system by its EPSG code, read from the many ways files name one: "EPSG:25833", the OGC URN
 * "urn:ogc:def:crs:EPSG::25833" (with or without a version), the OGC URL ".../def/crs/EPSG/0/25833", GML 2's
 * ".../epsg.xml#25833", a compound URN whose first part is the horizontal CRS, and the AdV's names that German
 * states' CityGML uses ("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", "DE_DHDN_3GK4*...").
 *
 * @param epsg the EPSG code of the horizontal CRS
 */
public record Crs(int epsg) {
    /** ETRS89 / UTM zone 32N, NRW's CRS and the sample's. */
    public static final Crs EPSG_25832 = new Crs(25832);

    private static final Pattern EPSG_CODE = Pattern.compile("EPSG(?:/[^/]*/|:[^:,/]*:|:)(\\d{4,6})\\b|EPSG\\.XML#(\\d{4,6})\\b");
    /** AdV: ETRS89 / UTM zones 28 to 38 are EPSG 25828 to 25838. */
    private static final Pattern ADV_UTM = Pattern.compile("(?<![A-Z0-9])ETRS89_UTM(\\d{2})(?!\\d)");
    /** AdV: DHDN / Gauss-Krüger zones 2 to 5 are EPSG 31466 to 31469. */
    private static final Pattern ADV_GAUSS_KRUEGER = Pattern.compile("(?<![A-Z0-9])DE_DHDN_3GK([2-5])(?!\\d)");

    /** The CRS a name means, or null where it cannot be read as one. */
    public static Crs parse(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        Matcher matcher = EPSG_CODE.matcher(upper);
        if (matcher.find()) {
            return new Crs(Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
        }
        // AdV's names put the height system after '*'; only the part before it is the horizontal CRS.
        String horizontal = upper.split("\\*", 2)[0];
        Matcher utm = ADV_UTM.matcher(horizontal);
        if (utm.find()) {
            int zone = Integer.parseInt(utm.group(1));
            return zone >= 28 && zone <= 38 ? new Crs(25800 + zone) : null;
        }
        Matcher gaussKrueger = ADV_GAUSS_KRUEGER.matcher(horizontal);
        if (gaussKrueger.find()) {
            return new Crs(31464 + Integer.parseInt(gaussKrueger.group(1)));
        }
        return null;
    }

    /** The OGC URL that CityJSON's referenceSystem uses. */
    public String url() {
        return "https://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    @Override
    public String toString() {
        return "EPSG:" + epsg;
    }
}
