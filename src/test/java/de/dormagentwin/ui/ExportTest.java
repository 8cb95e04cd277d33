package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportTest {
    private static Latest stream(long id, String name, String property, String unit) {
        Datastream datastream = new Datastream("test", "box/" + id, "box", name, property, "", "", unit, Classification.PUBLIC);
        return new Latest(id, datastream, "house-a", null, Double.NaN, null, 1, null);
    }

    @Test
    void csvHasAHeaderAndARowPerPointQuotedAsRfc4180AndWithPointDecimalsInAnyLocale() throws IOException {
        Latest pm10 = stream(1, "PM10 \"Box 7\", Kölner Str.", "PM10 concentration", "µg/m³");
        Latest temperature = stream(2, "Temperature", "air temperature", "°C");
        Latest silent = stream(3, "Silent", "noise", "dB");
        Map<Long, List<SeriesPoint>> series = Map.of(
                1L, List.of(new SeriesPoint(Instant.parse("2026-11-28T08:00:00Z"), 23.4, 20, 27.25, 3),
                        new SeriesPoint(Instant.parse("2026-11-28T08:15:00.500Z"), 0.00001, -0.5, 1e3, 2)),
                2L, List.of(new SeriesPoint(Instant.parse("2026-11-28T09:00:00Z"), 4.5, Double.NaN, 4.5, 1)));
        Locale before = Locale.getDefault();
        StringWriter out = new StringWriter();
        try {
            Locale.setDefault(Locale.GERMANY);
            Export.csv(List.of(pm10, temperature, silent), series, out);
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("datastream,property,unit,time,mean,min,max\r\n"
                + "\"PM10 \"\"Box 7\"\", Kölner Str.\",PM10 concentration,µg/m³,2026-11-28T08:00:00Z,23.4,20,27.25\r\n"
                + "\"PM10 \"\"Box 7\"\", Kölner Str.\",PM10 concentration,µg/m³,2026-11-28T08:15:00.500Z,0.00001,-0.5,1000\r\n"
                + "Temperature,air temperature,°C,2026-11-28T09:00:00Z,4.5,,4.5\r\n", out.toString());
    }

    @Test
    void fieldsAreQuotedOnlyWhereTheyNeedIt() {
        assertEquals("plain text", Export.field("plain text"));
        assertEquals("\"two\nlines\"", Export.field("two\nlines"));
        assertEquals("", Export.field(null));
    }
}
