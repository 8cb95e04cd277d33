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
                    xmlns:brid="http://www.opengis.net/citygml/bridge/2.0" xmlns:tun="http://www.opengis.net/citygml/tunnel/2.0"
                    xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:luse="http://www.opengis.net/citygml/landuse/2.0"
                    xmlns:wtr="http://www.opengis.net/citygml/waterbody/2.0" xmlns:veg="http://www.opengis.net/citygml/vegetation/2.0"
                    xmlns:frn="http://www.opengis.net/citygml/cityfurniture/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0"
                    xmlns:tran="http://www.opengis.net/citygml/transportation/2.0" xmlns:dem="http://www.opengis.net/citygml/relief/2.0">
                  <gml:boundedBy><gml:Envelope srsName="EPSG:25832" srsDimension="3">
                    <gml:lowerCorner>345000 5663000 30</gml:lowerCorner><gml:upperCorner>345100 5663010 50</gml:upperCorner>
                  </gml:Envelope></gml:boundedBy>
                """ + members + "</core:CityModel>";
        return CityGmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "types.gml");
    }

    /** A square as a CityGML 2.0 lodNGeometry, as city furniture, generic objects and trees have it. */
    private static String geometry(String prefix, int lod, double east) {
        return square(prefix, lod, east, 40).replace("MultiSurface><gml:MultiSurface>", "Geometry><gml:MultiSurface>")
                .replace("</gml:MultiSurface></" + prefix + ":lod" + lod + "MultiSurface>", "</gml:MultiSurface></" + prefix + ":lod" + lod + "Geometry>");
    }

    @Test
    void landUseWaterRoadsVegetationFurnitureAndGenericObjectsLoadWithTheirGeometry() throws IOException {
        CityModel model = read(("<core:cityObjectMember><luse:LandUse gml:id=\"field\"><luse:function>farmland</luse:function>%s</luse:LandUse></core:cityObjectMember>"
                + "<core:cityObjectMember><wtr:WaterBody gml:id=\"lake\">%s</wtr:WaterBody></core:cityObjectMember>"
                + "<core:cityObjectMember><tran:Road gml:id=\"road\">%s</tran:Road></core:cityObjectMember>"
                + "<core:cityObjectMember><veg:PlantCover gml:id=\"hedge\">%s</veg:PlantCover></core:cityObjectMember>"
                + "<core:cityObjectMember><frn:CityFurniture gml:id=\"bench\">%s</frn:CityFurniture></core:cityObjectMember>"
                + "<core:cityObjectMember><gen:GenericCityObject gml:id=\"thing\">%s</gen:GenericCityObject></core:cityObjectMember>"
                + "<core:cityObjectMember><veg:SolitaryVegetationObject gml:id=\"oak\">%s</veg:SolitaryVegetationObject></core:cityObjectMember>")
                .formatted(square("luse", 1, 345000, 40), square("wtr", 1, 345020, 38), square("tran", 1, 345040, 40),
                        square("veg", 1, 345060, 40), geometry("frn", 2, 345080), geometry("gen", 2, 345090), geometry("veg", 2, 345100)));
        assertEquals(List.of(), model.problems());
        Map<String, CityObject> objects = model.objects().stream().collect(Collectors.toMap(CityObject::id, Function.identity()));
        assertEquals(Map.of("field", "LandUse", "lake", "WaterBody", "road", "Road", "hedge", "PlantCover", "bench", "CityFurniture",
                "thing", "GenericCityObject", "oak", "SolitaryVegetationObject"),
                objects.values().stream().collect(Collectors.toMap(CityObject::id, CityObject::type)));
        for (CityObject object : objects.values()) {
            assertFalse(object.geometries().isEmpty(), object.id() + " has its geometry");
        }
        assertEquals("farmland", objects.get("field").textAttribute("function"), "the viewer paints a field by its function");
    }

    @Test
    void theLod3FzkHousesWallsKeepTheirHolesAndItsWindowsAndDoorsFillThem() throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "real",
                "FZK-House-LoD3-KIT-IAI-KHH-V2.gml");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file), file + " is not there; test skipped");
        CityModel house = CityGmlReader.read(file);
        var geometry = house.objects().get(0).geometries().get(0);
        Map<String, Integer> types = new java.util.TreeMap<>();
        int holes = 0;
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            types.merge(String.valueOf(geometry.semanticType(surface)), 1, Integer::sum);
            holes += geometry.endRing(surface) - geometry.firstRing(surface) - 1;
        }
        assertEquals(11, types.get("Window"), types.toString());
        assertEquals(2, types.get("Door"), types.toString());
        assertEquals(13, holes, "a hole in a wall for each opening, filled by it");
        assertFalse(types.containsKey("null"), "every surface has its type: " + types);
    }

    @Test
    void aTinReliefLoadsAsGroundAndOtherReliefsAreNamed() throws IOException {
        CityModel model = read("""
                <core:cityObjectMember><dem:ReliefFeature gml:id="relief"><dem:lod>2</dem:lod>
                  <dem:reliefComponent><dem:TINRelief gml:id="tin"><dem:lod>2</dem:lod><dem:tin><gml:TriangulatedSurface>
                    <gml:trianglePatches>
                      <gml:Triangle><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 40 345010 5663000 41 345010 5663010 42 345000 5663000 40</gml:posList></gml:LinearRing></gml:exterior></gml:Triangle>
                      <gml:Triangle><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 40 345010 5663010 42 345000 5663010 41 345000 5663000 40</gml:posList></gml:LinearRing></gml:exterior></gml:Triangle>
                    </gml:trianglePatches>
                  </gml:TriangulatedSurface></dem:tin></dem:TINRelief></dem:reliefComponent>
                  <dem:reliefComponent><dem:MassPointRelief gml:id="points"><dem:lod>2</dem:lod><dem:reliefPoints><gml:MultiPoint>
                    <gml:pointMember><gml:Point><gml:pos>345005 5663005 41</gml:pos></gml:Point></gml:pointMember>
                  </gml:MultiPoint></dem:reliefPoints></dem:MassPointRelief></dem:reliefComponent>
                </dem:ReliefFeature></core:cityObjectMember>
                """);
        assertEquals(1, model.objects().size(), model.objects().toString());
        CityObject tin = model.objects().get(0);
        assertEquals("TINRelief", tin.type());
        assertEquals(2, tin.geometries().get(0).surfaceCount(), "its two triangles");
        assertEquals(List.of("types.gml: 1 MassPointRelief feature was not loaded (a kind this reader does not draw)"),
                model.problems());
    }

    @Test
    void anImplicitGeometryIsPlacedAtItsReferencePointByItsMatrix() throws IOException {
        CityModel model = read("""
                <core:cityObjectMember><veg:SolitaryVegetationObject gml:id="oak"><veg:lod2ImplicitRepresentation><core:ImplicitGeometry>
                  <core:transformationMatrix>2 0 0 0 0 2 0 0 0 0 3 0 0 0 0 1</core:transformationMatrix>
                  <core:relativeGMLGeometry><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
                    <gml:posList srsDimension="3">0 0 1 1 0 1 1 1 1 0 1 1 0 0 1</gml:posList>
                  </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></core:relativeGMLGeometry>
                  <core:referencePoint><gml:Point><gml:pos>345000 5663000 40</gml:pos></gml:Point></core:referencePoint>
                </core:ImplicitGeometry></veg:lod2ImplicitRepresentation></veg:SolitaryVegetationObject></core:cityObjectMember>
                """);
        assertEquals(List.of(), model.problems());
        var geometry = model.objects().get(0).geometries().get(0);
        assertEquals(1, geometry.surfaceCount());
        double[] extent = model.extent();
        // The unit square at height 1, scaled by 2 across and 3 up, stands at the reference point.
        assertEquals(List.of(345000.0, 5663000.0, 43.0, 345002.0, 5663002.0, 43.0),
                java.util.Arrays.stream(extent).boxed().toList());
    }

    @Test
    void aRoadsTrafficAreasAreItsOwnSurfaces() throws IOException {
        CityModel model = read(("<core:cityObjectMember><tran:Road gml:id=\"road\"><tran:trafficArea><tran:TrafficArea gml:id=\"lane\">%s"
                + "</tran:TrafficArea></tran:trafficArea><tran:auxiliaryTrafficArea><tran:AuxiliaryTrafficArea gml:id=\"verge\">%s"
                + "</tran:AuxiliaryTrafficArea></tran:auxiliaryTrafficArea></tran:Road></core:cityObjectMember>")
                .formatted(square("tran", 2, 345000, 40), square("tran", 2, 345010, 40)));
        assertEquals(1, model.objects().size());
        var geometry = model.objects().get(0).geometries().get(0);
        assertEquals(List.of("TrafficArea", "AuxiliaryTrafficArea"), List.of(geometry.semanticType(0), geometry.semanticType(1)));
    }

    @Test
    void anLod4BuildingDrawsItsExterior() throws IOException {
        CityModel model = read(("<core:cityObjectMember><bldg:Building gml:id=\"house\"><bldg:boundedBy><bldg:RoofSurface gml:id=\"roof\">%s"
                + "</bldg:RoofSurface></bldg:boundedBy></bldg:Building></core:cityObjectMember>").formatted(square("bldg", 4, 345000, 46)));
        CityObject house = model.objects().get(0);
        assertEquals(List.of(), model.problems());
        assertEquals(1, house.geometries().size(), "its LoD 4 roof");
        assertEquals("4", house.geometries().get(0).lod());
        assertEquals("RoofSurface", house.geometries().get(0).semanticType(0));
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
