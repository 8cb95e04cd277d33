<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
    xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/citygml/building/2.0 http://schemas.opengis.net/citygml/building/2.0/building.xsd http://www.opengis.net/citygml/generics/2.0 http://schemas.opengis.net/citygml/generics/2.0/generics.xsd">
  <gml:name>LoD2_32_346_5663_1_NW</gml:name>
  <gml:boundedBy>
    <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
      <gml:lowerCorner>345000 5663000 40</gml:lowerCorner>
      <gml:upperCorner>345102 5663020 50</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <!-- A sound building: the others' problems must not keep it out -->
    <bldg:Building gml:id="DENW36AL2000GOOD">
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL2000GOOD_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GOOD_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663000 40 345000 5663010 40 345010 5663010 40 345010 5663000 40 345000 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GOOD_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GOOD_WS1_P">
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
        <bldg:WallSurface gml:id="DENW36AL2000GOOD_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GOOD_WS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345010 5663000 40 345010 5663010 40 345010 5663010 46 345010 5663000 46 345010 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GOOD_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GOOD_WS3_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345010 5663010 40 345000 5663010 40 345000 5663010 46 345010 5663010 46 345010 5663010 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GOOD_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GOOD_WS4_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663010 40 345000 5663000 40 345000 5663000 46 345000 5663010 46 345000 5663010 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL2000GOOD_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GOOD_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663000 46 345010 5663000 46 345010 5663010 46 345000 5663010 46 345000 5663000 46</gml:posList>
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
    <!-- The roof's ring does not end where it starts -->
    <bldg:Building gml:id="DENW36AL2000OPEN">
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL2000OPEN_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000OPEN_GS_P">
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
        <bldg:WallSurface gml:id="DENW36AL2000OPEN_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000OPEN_WS1_P">
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
        <bldg:WallSurface gml:id="DENW36AL2000OPEN_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000OPEN_WS2_P">
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
        <bldg:WallSurface gml:id="DENW36AL2000OPEN_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000OPEN_WS3_P">
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
        <bldg:WallSurface gml:id="DENW36AL2000OPEN_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000OPEN_WS4_P">
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
        <bldg:RoofSurface gml:id="DENW36AL2000OPEN_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000OPEN_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345020 5663000 46 345030 5663000 46 345030 5663010 46 345020 5663010 46</gml:posList>
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
    <!-- The solid refers to a roof polygon that does not exist -->
    <bldg:Building gml:id="DENW36AL2000LINK">
      <bldg:function>31001_2463</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">5.0</bldg:measuredHeight>
      <bldg:lod2Solid>
        <gml:Solid>
          <gml:exterior>
            <gml:CompositeSurface>
              <gml:surfaceMember xlink:href="#DENW36AL2000LINK_GS_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL2000LINK_WS1_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL2000LINK_WS2_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL2000LINK_WS3_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL2000LINK_WS4_P"/>
              <gml:surfaceMember xlink:href="#DENW36AL2000LINK_RS_P_MISSING"/>
            </gml:CompositeSurface>
          </gml:exterior>
        </gml:Solid>
      </bldg:lod2Solid>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL2000LINK_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000LINK_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663000 40 345040 5663006 40 345050 5663006 40 345050 5663000 40 345040 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000LINK_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000LINK_WS1_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663000 40 345050 5663000 40 345050 5663000 45 345040 5663000 45 345040 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000LINK_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000LINK_WS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345050 5663000 40 345050 5663006 40 345050 5663006 45 345050 5663000 45 345050 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000LINK_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000LINK_WS3_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345050 5663006 40 345040 5663006 40 345040 5663006 45 345050 5663006 45 345050 5663006 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000LINK_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000LINK_WS4_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663006 40 345040 5663000 40 345040 5663000 45 345040 5663006 45 345040 5663006 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL2000LINK_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000LINK_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345040 5663000 45 345050 5663000 45 345050 5663006 45 345040 5663006 45 345040 5663000 45</gml:posList>
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
    <!-- One surface declares Gauss-Krueger zone 2 (EPSG:31466), not UTM 32 -->
    <bldg:Building gml:id="DENW36AL2000GK3Z">
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL2000GK3Z_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface srsName="EPSG:31466">
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GK3Z_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345060 5663000 40 345060 5663010 40 345070 5663010 40 345070 5663000 40 345060 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GK3Z_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GK3Z_WS1_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345060 5663000 40 345070 5663000 40 345070 5663000 46 345060 5663000 46 345060 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GK3Z_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GK3Z_WS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345070 5663000 40 345070 5663010 40 345070 5663010 46 345070 5663000 46 345070 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GK3Z_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GK3Z_WS3_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345070 5663010 40 345060 5663010 40 345060 5663010 46 345070 5663010 46 345070 5663010 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000GK3Z_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GK3Z_WS4_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345060 5663010 40 345060 5663000 40 345060 5663000 46 345060 5663010 46 345060 5663010 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL2000GK3Z_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000GK3Z_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345060 5663000 46 345070 5663000 46 345070 5663010 46 345060 5663010 46 345060 5663000 46</gml:posList>
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
    <!-- A wall's posList holds a word -->
    <bldg:Building gml:id="DENW36AL2000TEXT">
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL2000TEXT_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000TEXT_GS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345080 5663000 40 345080 5663010 40 345090 5663010 40 345090 5663000 40 345080 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000TEXT_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000TEXT_WS1_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345080 5663000 40 345090 5663000 40 345090 5663000 sechs 345080 5663000 46 345080 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000TEXT_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000TEXT_WS2_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345090 5663000 40 345090 5663010 40 345090 5663010 46 345090 5663000 46 345090 5663000 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000TEXT_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000TEXT_WS3_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345090 5663010 40 345080 5663010 40 345080 5663010 46 345090 5663010 46 345090 5663010 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DENW36AL2000TEXT_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000TEXT_WS4_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345080 5663010 40 345080 5663000 40 345080 5663000 46 345080 5663010 46 345080 5663010 40</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DENW36AL2000TEXT_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL2000TEXT_RS_P">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">345080 5663000 46 345090 5663000 46 345090 5663010 46 345080 5663010 46 345080 5663000 46</gml:posList>
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
    <!-- Part B's ground ring is open: part B is left out, the building and part A load -->
    <bldg:Building gml:id="DENW36AL2000PART">
      <bldg:function>31001_2000</bldg:function>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENW36AL2000PART_A">
          <bldg:boundedBy>
            <bldg:GroundSurface gml:id="DENW36AL2000PART_A_GS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_A_GS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345100 5663000 40 345100 5663010 40 345110 5663010 40 345110 5663000 40 345100 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:GroundSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_A_WS1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_A_WS1_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345100 5663000 40 345110 5663000 40 345110 5663000 46 345100 5663000 46 345100 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_A_WS2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_A_WS2_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345110 5663000 40 345110 5663010 40 345110 5663010 46 345110 5663000 46 345110 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_A_WS3">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_A_WS3_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345110 5663010 40 345100 5663010 40 345100 5663010 46 345110 5663010 46 345110 5663010 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_A_WS4">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_A_WS4_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345100 5663010 40 345100 5663000 40 345100 5663000 46 345100 5663010 46 345100 5663010 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DENW36AL2000PART_A_RS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_A_RS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345100 5663000 46 345110 5663000 46 345110 5663010 46 345100 5663010 46 345100 5663000 46</gml:posList>
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
        <bldg:BuildingPart gml:id="DENW36AL2000PART_B">
          <bldg:boundedBy>
            <bldg:GroundSurface gml:id="DENW36AL2000PART_B_GS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_B_GS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345110 5663000 40 345110 5663005 40 345115 5663005 40 345115 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:GroundSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_B_WS1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_B_WS1_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345110 5663000 40 345115 5663000 40 345115 5663000 43 345110 5663000 43 345110 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_B_WS2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_B_WS2_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345115 5663000 40 345115 5663005 40 345115 5663005 43 345115 5663000 43 345115 5663000 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_B_WS3">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_B_WS3_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345115 5663005 40 345110 5663005 40 345110 5663005 43 345115 5663005 43 345115 5663005 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DENW36AL2000PART_B_WS4">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_B_WS4_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345110 5663005 40 345110 5663000 40 345110 5663000 43 345110 5663005 43 345110 5663005 40</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DENW36AL2000PART_B_RS">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DENW36AL2000PART_B_RS_P">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">345110 5663000 43 345115 5663000 43 345115 5663005 43 345110 5663005 43 345110 5663000 43</gml:posList>
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
</core:CityModel>
