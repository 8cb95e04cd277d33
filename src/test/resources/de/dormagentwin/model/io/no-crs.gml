<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
    xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/citygml/building/2.0 http://schemas.opengis.net/citygml/building/2.0/building.xsd http://www.opengis.net/citygml/generics/2.0 http://schemas.opengis.net/citygml/generics/2.0/generics.xsd">
  <gml:name>no-crs</gml:name>
  <core:cityObjectMember>
    <!-- No srsName anywhere in the file: the coordinates are taken as EPSG:25832, with a note -->
    <bldg:Building gml:id="DENW36AL3000NCRS">
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DENW36AL3000NCRS_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL3000NCRS_GS_P">
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
        <bldg:WallSurface gml:id="DENW36AL3000NCRS_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL3000NCRS_WS1_P">
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
        <bldg:WallSurface gml:id="DENW36AL3000NCRS_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL3000NCRS_WS2_P">
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
        <bldg:WallSurface gml:id="DENW36AL3000NCRS_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL3000NCRS_WS3_P">
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
        <bldg:WallSurface gml:id="DENW36AL3000NCRS_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL3000NCRS_WS4_P">
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
        <bldg:RoofSurface gml:id="DENW36AL3000NCRS_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DENW36AL3000NCRS_RS_P">
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
</core:CityModel>
