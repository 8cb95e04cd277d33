<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
    xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/citygml/building/2.0 http://schemas.opengis.net/citygml/building/2.0/building.xsd http://www.opengis.net/citygml/generics/2.0 http://schemas.opengis.net/citygml/generics/2.0/generics.xsd">
  <gml:name>LoD2_32_345_5663_1_NW</gml:name>
  <gml:boundedBy>
    <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
      <gml:lowerCorner>345000 5663000 40</gml:lowerCorner>
      <gml:upperCorner>345102 5663020 50</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <!-- A gable-roofed house: 10 m x 8 m, eaves at 46 m, ridge at 49 m; 420 m2 of surface, 16 triangles -->
    <bldg:Building gml:id="DENW36AL10000001">
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>05162008</gen:value>
      </gen:stringAttribute>
      <gen:doubleAttribute name="Traufhoehe">
        <gen:value>6.0</gen:value>
      </gen:doubleAttribute>
      <gen:intAttribute name="Geschosse">
        <gen:value>2</gen:value>
      </gen:intAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL10000001_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663000 40 345000 5663008 40 345010 5663008 40 345010 5663000 40 345000 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000001_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_WS1_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663000 40 345010 5663000 40 345010 5663000 46 345000 5663000 46 345000 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000001_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_WS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345010 5663008 40 345000 5663008 40 345000 5663008 46 345010 5663008 46 345010 5663008 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000001_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_WS3_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345010 5663000 40 345010 5663008 40 345010 5663008 46 345010 5663004 49 345010 5663000 46 345010 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000001_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_WS4_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663008 40 345000 5663000 40 345000 5663000 46 345000 5663004 49 345000 5663008 46 345000 5663008 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL10000001_RS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_RS1_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663000 46 345010 5663000 46 345010 5663004 49 345000 5663004 49 345000 5663000 46</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL10000001_RS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000001_RS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345010 5663008 46 345000 5663008 46 345000 5663004 49 345010 5663004 49 345010 5663008 46</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <!-- A building of two flat-roofed parts: 10 x 10 x 6 m (440 m2) and 5 x 5 x 3 m (110 m2), 12 triangles each -->
    <bldg:Building gml:id="DENW36AL10000002">
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>05162008</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENW36AL10000002_A">
          <bldg:roofType>1000</bldg:roofType>
          <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
          <bldg:boundedBy>
            <bldg:GroundSurface gml:id="DENW36AL10000002_A_GS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_A_GS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345020 5663000 40 345020 5663010 40 345030 5663010 40 345030 5663000 40 345020 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:GroundSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_A_WS1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_A_WS1_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345020 5663000 40 345030 5663000 40 345030 5663000 46 345020 5663000 46 345020 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_A_WS2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_A_WS2_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345030 5663000 40 345030 5663010 40 345030 5663010 46 345030 5663000 46 345030 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_A_WS3">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_A_WS3_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345030 5663010 40 345020 5663010 40 345020 5663010 46 345030 5663010 46 345030 5663010 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_A_WS4">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_A_WS4_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345020 5663010 40 345020 5663000 40 345020 5663000 46 345020 5663010 46 345020 5663010 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DENW36AL10000002_A_RS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_A_RS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345020 5663000 46 345030 5663000 46 345030 5663010 46 345020 5663010 46 345020 5663000 46</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:RoofSurface>
          </bldg:boundedBy>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENW36AL10000002_B">
          <bldg:roofType>1000</bldg:roofType>
          <bldg:measuredHeight uom="urn:adv:uom:m">3.0</bldg:measuredHeight>
          <bldg:boundedBy>
            <bldg:GroundSurface gml:id="DENW36AL10000002_B_GS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_B_GS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345030 5663000 40 345030 5663005 40 345035 5663005 40 345035 5663000 40 345030 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:GroundSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_B_WS1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_B_WS1_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345030 5663000 40 345035 5663000 40 345035 5663000 43 345030 5663000 43 345030 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_B_WS2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_B_WS2_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345035 5663000 40 345035 5663005 40 345035 5663005 43 345035 5663000 43 345035 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_B_WS3">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_B_WS3_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345035 5663005 40 345030 5663005 40 345030 5663005 43 345035 5663005 43 345035 5663005 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL10000002_B_WS4">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_B_WS4_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345030 5663005 40 345030 5663000 40 345030 5663000 43 345030 5663005 43 345030 5663005 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DENW36AL10000002_B_RS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL10000002_B_RS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345030 5663000 43 345035 5663000 43 345035 5663005 43 345030 5663005 43 345030 5663000 43</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:RoofSurface>
          </bldg:boundedBy>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <!-- A school around a 6 x 6 m courtyard: 20 x 20 x 10 m, roof and ground with an interior ring; 1768 m2, 32 triangles -->
    <bldg:Building gml:id="DENW36AL10000003">
      <bldg:function>31001_3020</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL10000003_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663000 40 345040 5663020 40 345060 5663020 40 345060 5663000 40 345040 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                  <gml:interior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345047 5663007 40 345053 5663007 40 345053 5663013 40 345047 5663013 40 345047 5663007 40</gml:posList>
                    </gml:LinearRing>
                  </gml:interior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000003_WS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P1">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663000 40 345060 5663000 40 345060 5663000 50 345040 5663000 50 345040 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P2">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345060 5663000 40 345060 5663020 40 345060 5663020 50 345060 5663000 50 345060 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P3">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345060 5663020 40 345040 5663020 40 345040 5663020 50 345060 5663020 50 345060 5663020 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P4">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663020 40 345040 5663000 40 345040 5663000 50 345040 5663020 50 345040 5663020 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P5">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345047 5663007 40 345047 5663013 40 345047 5663013 50 345047 5663007 50 345047 5663007 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P6">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345047 5663013 40 345053 5663013 40 345053 5663013 50 345047 5663013 50 345047 5663013 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P7">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345053 5663013 40 345053 5663007 40 345053 5663007 50 345053 5663013 50 345053 5663013 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_WS_P8">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345053 5663007 40 345047 5663007 40 345047 5663007 50 345053 5663007 50 345053 5663007 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL10000003_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000003_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663000 50 345060 5663000 50 345060 5663020 50 345040 5663020 50 345040 5663000 50</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                  <gml:interior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345047 5663007 50 345047 5663013 50 345053 5663013 50 345053 5663007 50 345047 5663007 50</gml:posList>
                    </gml:LinearRing>
                  </gml:interior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <!-- A garage whose lod2Solid refers to its boundary surfaces' polygons by xlink: 10 x 6 x 5 m, 280 m2, 12 triangles -->
    <bldg:Building gml:id="DENW36AL10000004">
      <bldg:function>31001_2463</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">5.0</bldg:measuredHeight>
      <bldg:lod2Solid>
        <gml:Solid>
          <gml:exterior>
            <gml:CompositeSurface>
              <gml:surfaceMember xlink:href="#DENW36AL10000004_GS_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL10000004_WS1_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL10000004_WS2_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL10000004_WS3_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL10000004_WS4_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL10000004_RS_P"/>
            </gml:CompositeSurface>
          </gml:exterior>
        </gml:Solid>
      </bldg:lod2Solid>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL10000004_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000004_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345070 5663000 40 345070 5663006 40 345080 5663006 40 345080 5663000 40 345070 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000004_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000004_WS1_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345070 5663000 40 345080 5663000 40 345080 5663000 45 345070 5663000 45 345070 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000004_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000004_WS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345080 5663000 40 345080 5663006 40 345080 5663006 45 345080 5663000 45 345080 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000004_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000004_WS3_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345080 5663006 40 345070 5663006 40 345070 5663006 45 345080 5663006 45 345080 5663006 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL10000004_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000004_WS4_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345070 5663006 40 345070 5663000 40 345070 5663000 45 345070 5663006 45 345070 5663006 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL10000004_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL10000004_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345070 5663000 45 345080 5663000 45 345080 5663006 45 345070 5663006 45 345070 5663000 45</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <!-- A block model only (lod1Solid): 12 x 6 x 4 m, 288 m2, 12 triangles -->
    <bldg:Building gml:id="DENW36AL10000005">
      <bldg:function>31001_2100</bldg:function>
      <bldg:measuredHeight uom="urn:adv:uom:m">4.0</bldg:measuredHeight>
      <bldg:lod1Solid>
        <gml:Solid>
          <gml:exterior>
            <gml:CompositeSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345090 5663000 40 345090 5663006 40 345102 5663006 40 345102 5663000 40 345090 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345090 5663000 40 345102 5663000 40 345102 5663000 44 345090 5663000 44 345090 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345102 5663000 40 345102 5663006 40 345102 5663006 44 345102 5663000 44 345102 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345102 5663006 40 345090 5663006 40 345090 5663006 44 345102 5663006 44 345102 5663006 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345090 5663006 40 345090 5663000 40 345090 5663000 44 345090 5663006 44 345090 5663006 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345090 5663000 44 345102 5663000 44 345102 5663006 44 345090 5663006 44 345090 5663000 44</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:CompositeSurface>
          </gml:exterior>
        </gml:Solid>
      </bldg:lod1Solid>
    </bldg:Building>
  </core:cityObjectMember>
</core:CityModel>
