package de.dormagentwin.model.geo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRS names of CityGML's srsName and CityJSON's referenceSystem, in the spellings real files use. */
class CrsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EPSG:25832|25832", "urn:ogc:def:crs:EPSG::25832|25832", "urn:ogc:def:crs:EPSG:6.12:25832|25832",
            "http://www.opengis.net/def/crs/EPSG/0/25832|25832", "https://www.opengis.net/def/crs/EPSG/0/25832|25832",
            "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837|25832", "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH|25832",
            "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016|25832", "urn:adv:crs:ETRS89_UTM32|25832",
            "EPSG:25833|25833", "urn:ogc:def:crs:EPSG::25833|25833", "http://www.opengis.net/def/crs/EPSG/0/25833|25833",
            "urn:ogc:def:crs,crs:EPSG::25833,crs:EPSG::7837|25833", "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH|25833",
            "urn:adv:crs:DE_DHDN_3GK2*DE_DHHN92_NH|31466", "urn:adv:crs:DE_DHDN_3GK3|31467", "urn:adv:crs:DE_DHDN_3GK4*DE_DHHN92_NH|31468",
            "urn:adv:crs:DE_DHDN_3GK5|31469", "EPSG:3068|3068", "http://www.opengis.net/gml/srs/epsg.xml#2056|2056",
            "  epsg:31468 |31468", "ETRS89_UTM32|25832", "DE_DHDN_3GK3_BW100|31467", "urn:ogc:def:crs:EPSG::7415|7415"})
    void everySpellingOfAnEpsgCodeIsRead(String name, int epsg) {
        assertEquals(new Crs(epsg), Crs.parse(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "", "urn:adv:crs:ETRS89_UTM99", "urn:adv:crs:DE_DHDN_3GK9", "urn:adv:crs:DE_DHHN2016_NH", "EPSG:",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "EPSG:12", "XETRS89_UTM32", "urn:adv:crs:DE_DHHN92_NH*ETRS89_UTM32"})
    void aNameWithoutAnEpsgCodeIsNotGuessed(String name) {
        assertNull(Crs.parse(name), name);
    }

    @ParameterizedTest
    @ValueSource(ints = {25832, 25833, 31466, 31467, 31468, 31469, 3068, 2056, 28992, 7415})
    void projectedCrsOfEuropeAreProjected(int epsg) {
        assertTrue(CrsTransform.isProjected(new Crs(epsg)), "EPSG:" + epsg);
    }

    @ParameterizedTest
    @ValueSource(ints = {4326, 4258, 4979, 999999})
    void degreesAndUnknownCodesAreNotProjected(int epsg) {
        assertFalse(CrsTransform.isProjected(new Crs(epsg)), "EPSG:" + epsg);
    }
}
