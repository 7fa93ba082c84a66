package org.mmwinter.replay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class JsonWriterTest
{
    @Test
    void writesNestedContainersWithCommasInTheRightPlaces() throws Exception
    {
        final StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject()
            .name("a").value(1L)
            .name("b").beginArray().value("x").beginObject().endObject().beginArray().endArray().value(true).endArray()
            .name("c").beginObject().name("d").value(2.5).endObject()
            .endObject();
        assertEquals("{\"a\":1,\"b\":[\"x\",{},[],true],\"c\":{\"d\":2.5}}", out.toString());
        new ObjectMapper().readTree(out.toString());
    }

    @Test
    void numbersAreLocaleFreeAndNonFiniteOnesAreNull()
    {
        final StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginArray()
            .value(80.0).value(-0.0).value(2.5).value(-1e-4).value(1e20).value(Double.NaN)
            .value(Double.POSITIVE_INFINITY).value(Double.NEGATIVE_INFINITY).value(Long.MIN_VALUE)
            .endArray();
        // Whole doubles below 1e15 print as integers; the rest in Java's round-trip form (an exponent is valid JSON).
        assertEquals("[80,0,2.5,-1.0E-4,1.0E20,null,null,null,-9223372036854775808]", out.toString());
    }

    @Test
    void stringsAreEscapedSoTheyCannotCloseTheScriptElement() throws Exception
    {
        final String text = "a\"b\\c\nd</script><!--\u0001\u2028&";
        final StringBuilder out = new StringBuilder();
        new JsonWriter(out).value(text);
        assertEquals("\"a\\\"b\\\\c\\nd\\u003c/script\\u003e\\u003c!--\\u0001\\u2028\\u0026\"", out.toString());
        final JsonNode back = new ObjectMapper().readTree(out.toString());
        assertEquals(text, back.asText());
    }

    @Test
    void arraysByIndexPickThoseValuesInOrder()
    {
        final StringBuilder out = new StringBuilder();
        new JsonWriter(out).array(new double[] {10.0, 11.5, Double.NaN, 13.0}, new int[] {0, 2, 3});
        assertEquals("[10,null,13]", out.toString());
    }
}
