package de.dormagentwin.model.geo;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.Locale;

/**
 * Small CityGML files of box buildings in any CRS, whose coordinates are the transforms of the same boxes in
 * EPSG:25832. The transforms are computed here with proj4j itself, not with the twin's {@link CrsTransform}, so a
 * test that loads two such files compares the twin's placing against the library's own numbers.
 */
public final class CrsFixtures {
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = FACTORY.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
    private static final CoordinateReferenceSystem UTM32 = FACTORY.createFromName("EPSG:25832");

    /** Where the buildings of a file stand: a town inside the CRS's area, so that the CRS is one people use there. */
    public record Place(int epsg, String srsName, double longitude, double latitude) {
        @Override
        public String toString() {
            return "EPSG:" + epsg + " as \"" + srsName + "\"";
        }
    }

    private CrsFixtures() {
    }

    /**
     * The south-west ground corners, in EPSG:25832 and rounded to the metre, of {@code buildings} boxes of 12 x 8 m,
     * 30 m apart from west to east, standing at a place.
     */
    public static double[][] corners25832(Place place, int buildings) {
        ProjCoordinate utm = new BasicCoordinateTransform(WGS84, UTM32).transform(new ProjCoordinate(place.longitude(), place.latitude()),
                new ProjCoordinate());
        double[][] corners = new double[buildings][];
        for (int i = 0; i < buildings; i++) {
            corners[i] = new double[]{Math.round(utm.x) + 30.0 * i, Math.round(utm.y)};
        }
        return corners;
    }

    /** A point of EPSG:25832 in another CRS, transformed by proj4j. */
    public static double[] fromUtm32(int epsg, double east, double north) {
        if (epsg == 25832) {
            return new double[]{east, north};
        }
        ProjCoordinate out = new BasicCoordinateTransform(UTM32, FACTORY.createFromName("EPSG:" + epsg))
                .transform(new ProjCoordinate(east, north), new ProjCoordinate());
        return new double[]{out.x, out.y};
    }

    /**
     * CityGML 2.0 with one box building (lod1Solid) per corner, ids {@code prefix-0, prefix-1, ...}; every vertex is
     * the box's corner in EPSG:25832 transformed into the place's CRS. The srsName stands on the CityModel's envelope,
     * or on each solid where {@code onGeometries} (and then the file names none of its own).
     */
    public static String cityGml(Place place, String prefix, int buildings, boolean onGeometries) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
                    xmlns:gml="http://www.opengis.net/gml">
                """);
        double[][] corners = corners25832(place, buildings);
        if (!onGeometries) {
            double[] corner = corners25832(place, 1)[0];
            double[] low = fromUtm32(place.epsg(), corner[0], corner[1]);
            xml.append(String.format(Locale.ROOT, """
                      <gml:boundedBy><gml:Envelope srsName="%s" srsDimension="3">
                        <gml:lowerCorner>%.3f %.3f 40</gml:lowerCorner><gml:upperCorner>%.3f %.3f 46</gml:upperCorner>
                      </gml:Envelope></gml:boundedBy>
                    """, place.srsName(), low[0], low[1], low[0] + 100, low[1] + 10));
        }
        for (int i = 0; i < buildings; i++) {
            xml.append("  <core:cityObjectMember><bldg:Building gml:id=\"").append(prefix).append('-').append(i).append("\">\n")
                    .append("    <bldg:lod1Solid><gml:Solid").append(onGeometries ? " srsName=\"" + place.srsName() + "\"" : "")
                    .append("><gml:exterior><gml:CompositeSurface>\n");
            double x = corners[i][0];
            double y = corners[i][1];
            double[][] ring = {{x, y}, {x + 12, y}, {x + 12, y + 8}, {x, y + 8}};
            // Ground (clockwise from above), roof, then the four walls.
            polygon(xml, place, new double[][]{ring[0], ring[3], ring[2], ring[1]}, new double[]{40, 40, 40, 40});
            polygon(xml, place, ring, new double[]{46, 46, 46, 46});
            for (int side = 0; side < 4; side++) {
                double[] a = ring[side];
                double[] b = ring[(side + 1) % 4];
                polygon(xml, place, new double[][]{a, b, b, a}, new double[]{40, 40, 46, 46});
            }
            xml.append("    </gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>\n  </bldg:Building></core:cityObjectMember>\n");
        }
        return xml.append("</core:CityModel>\n").toString();
    }

    private static void polygon(StringBuilder xml, Place place, double[][] points, double[] heights) {
        xml.append("      <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"3\">");
        for (int i = 0; i <= points.length; i++) {
            double[] point = fromUtm32(place.epsg(), points[i % points.length][0], points[i % points.length][1]);
            xml.append(String.format(Locale.ROOT, "%s%.3f %.3f %.1f", i == 0 ? "" : " ", point[0], point[1], heights[i % points.length]));
        }
        xml.append("</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>\n");
    }
}
