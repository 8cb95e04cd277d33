<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0" xmlns:bldg="http://www.opengis.net/citygml/building/1.0"
    xmlns:gen="http://www.opengis.net/citygml/generics/1.0" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/citygml/building/1.0 http://schemas.opengis.net/citygml/building/1.0/building.xsd">
  <gml:name>citygml-1.0-house</gml:name>
  <gml:boundedBy>
    <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837" srsDimension="3">
      <gml:lowerCorner>345000 5663000 40</gml:lowerCorner>
      <gml:upperCorner>345102 5663020 50</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <!-- CityGML 1.0: a 10 x 10 x 6 m box, 440 m2, 12 triangles -->
    <bldg:Building gml:id="DEBY_LOD2_1">
      <bldg:function>1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.0</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_LOD2_1_GS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_LOD2_1_GS_P">
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
        <bldg:WallSurface gml:id="DEBY_LOD2_1_WS1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_LOD2_1_WS1_P">
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
        <bldg:WallSurface gml:id="DEBY_LOD2_1_WS2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_LOD2_1_WS2_P">
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
        <bldg:WallSurface gml:id="DEBY_LOD2_1_WS3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_LOD2_1_WS3_P">
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
        <bldg:WallSurface gml:id="DEBY_LOD2_1_WS4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_LOD2_1_WS4_P">
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
        <bldg:RoofSurface gml:id="DEBY_LOD2_1_RS">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_LOD2_1_RS_P">
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
