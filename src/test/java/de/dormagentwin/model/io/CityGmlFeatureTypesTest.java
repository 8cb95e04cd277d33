package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bridges and tunnels load with their parts, linked both ways, as buildings do. */
class CityGmlFeatureTypesTest {

    /** A square of 10 m at a height, as a lodN MultiSurface of the given prefix and lod. */
    private static String square(String prefix, int lod, double east, double height) {
        double north = 5663000;
        return "<" + prefix + ":lod" + lod + "MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>"
                + "<gml:posList srsDimension=\"3\">" + east + " " + north + " " + height + " " + (east + 10) + " " + north + " " + height + " "
                + (east + 10) + " " + (north + 10) + " " + height + " " + east + " " + (north + 10) + " " + height + " " + east + " " + north
                + " " + height + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></"
                + prefix + ":lod" + lod + "MultiSurface>";
    }

    private static CityModel read(String members) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml"
                    xmlns:brid="http://www.opengis.net/citygml/bridge/2.0" xmlns:tun="http://www.opengis.net/citygml/tunnel/2.0">
                  <gml:boundedBy><gml:Envelope srsName="EPSG:25832" srsDimension="3">
                    <gml:lowerCorner>345000 5663000 30</gml:lowerCorner><gml:upperCorner>345100 5663010 50</gml:upperCorner>
                  </gml:Envelope></gml:boundedBy>
                """ + members + "</core:CityModel>";
        return CityGmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "types.gml");
    }

    @Test
    void aBridgeAndATunnelLoadWithTheirParts() throws IOException {
        CityModel model = read("""
                <core:cityObjectMember><brid:Bridge gml:id="bridge">%s
                  <brid:consistsOfBridgePart><brid:BridgePart gml:id="bridge-ramp">%s</brid:BridgePart></brid:consistsOfBridgePart>
                </brid:Bridge></core:cityObjectMember>
                <core:cityObjectMember><tun:Tunnel gml:id="tunnel">%s
                  <tun:consistsOfTunnelPart><tun:TunnelPart gml:id="tunnel-portal">%s</tun:TunnelPart></tun:consistsOfTunnelPart>
                </tun:Tunnel></core:cityObjectMember>
                """.formatted(square("brid", 2, 345000, 40), square("brid", 2, 345020, 40), square("tun", 2, 345050, 30),
                square("tun", 2, 345070, 30)));
        Map<String, CityObject> objects = model.objects().stream().collect(Collectors.toMap(CityObject::id, Function.identity()));
        assertEquals(List.of(), model.problems());
        assertEquals(Map.of("bridge", "Bridge", "bridge-ramp", "BridgePart", "tunnel", "Tunnel", "tunnel-portal", "TunnelPart"),
                objects.values().stream().collect(Collectors.toMap(CityObject::id, CityObject::type)));
        assertEquals(List.of("bridge-ramp"), objects.get("bridge").children());
        assertEquals(List.of("bridge"), objects.get("bridge-ramp").parents());
        assertEquals(List.of("tunnel-portal"), objects.get("tunnel").children());
        for (CityObject object : objects.values()) {
            assertFalse(object.geometries().isEmpty(), object.id() + " has its geometry");
        }
    }
}
