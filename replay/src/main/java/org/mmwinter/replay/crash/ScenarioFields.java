package org.mmwinter.replay.crash;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON object of a scenario file read field by field: each read checks the field's presence, type and range
 * and, when it is wrong, throws a {@link ScenarioException} naming the file and the field's path
 * ({@code scenario terra.json: phases[2].pressure: expected a number between -1 and 1, got "x"}).
 * {@link #finish} refuses the fields that were never read, so that a misspelt key is an error, not a default.
 */
final class ScenarioFields
{
    private final String file;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    private ScenarioFields(final String file, final String path, final JsonNode node)
    {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The document's root object. */
    static ScenarioFields root(final String file, final JsonNode node)
    {
        if (node == null || !node.isObject())
        {
            throw new ScenarioException("scenario " + file + ": expected a JSON object, got " + describe(node));
        }
        return new ScenarioFields(file, "", node);
    }

    ScenarioException error(final String field, final String problem)
    {
        return new ScenarioException("scenario " + file + ": " + at(field) + ": " + problem);
    }

    String string(final String field)
    {
        final JsonNode value = require(field);
        if (!value.isTextual() || value.asText().isEmpty())
        {
            throw error(field, "expected a non-empty string, got " + describe(value));
        }
        return value.asText();
    }

    double number(final String field, final double min, final double max)
    {
        final JsonNode value = require(field);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max || Double.isNaN(value.asDouble()))
        {
            throw error(field, "expected a number between " + text(min) + " and " + text(max) + ", got " +
                describe(value));
        }
        return value.asDouble();
    }

    /** An optional number: {@code absent} when the field is missing. */
    double optionalNumber(final String field, final double min, final double max, final double absent)
    {
        return node.has(field) ? number(field, min, max) : markAbsent(field, absent);
    }

    int integer(final String field, final int min, final int max)
    {
        final JsonNode value = require(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max)
        {
            throw error(field, "expected a whole number between " + min + " and " + max + ", got " +
                describe(value));
        }
        return value.asInt();
    }

    ScenarioFields object(final String field)
    {
        final JsonNode value = require(field);
        if (!value.isObject())
        {
            throw error(field, "expected an object, got " + describe(value));
        }
        return new ScenarioFields(file, at(field), value);
    }

    /** Length of an array field, with at least {@code minLength} elements. */
    int arrayLength(final String field, final int minLength)
    {
        final JsonNode value = require(field);
        if (!value.isArray() || value.size() < minLength)
        {
            throw error(field, "expected an array of at least " + minLength + " element" +
                (minLength == 1 ? "" : "s") + ", got " + describe(value));
        }
        return value.size();
    }

    /** Element {@code index} of an array field, as an object. */
    ScenarioFields element(final String field, final int index)
    {
        final JsonNode value = node.get(field).get(index);
        final String elementPath = at(field) + "[" + index + "]";
        if (!value.isObject())
        {
            throw new ScenarioException("scenario " + file + ": " + elementPath + ": expected an object, got " +
                describe(value));
        }
        return new ScenarioFields(file, elementPath, value);
    }

    /** Element {@code index} of an array field, as a number in range. */
    double numberElement(final String field, final int index, final double min, final double max)
    {
        final JsonNode value = node.get(field).get(index);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max)
        {
            throw new ScenarioException("scenario " + file + ": " + at(field) + "[" + index +
                "]: expected a number between " + text(min) + " and " + text(max) + ", got " + describe(value));
        }
        return value.asDouble();
    }

    /** Refuses every field of this object that was not read. */
    void finish()
    {
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!read.contains(name))
            {
                throw error(name, "unknown field");
            }
        }
    }

    private JsonNode require(final String field)
    {
        read.add(field);
        final JsonNode value = node.get(field);
        if (value == null || value.isNull())
        {
            throw error(field, "missing");
        }
        return value;
    }

    private double markAbsent(final String field, final double absent)
    {
        read.add(field);
        return absent;
    }

    private String at(final String field)
    {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(final JsonNode value)
    {
        if (value == null || value.isMissingNode())
        {
            return "nothing";
        }
        final String json = value.toString();
        return json.length() > 40 ? json.substring(0, 37) + "..." : json;
    }

    /** A bound as people write it: 1 rather than 1.0. */
    static String text(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return Double.toString(value);
    }
}
