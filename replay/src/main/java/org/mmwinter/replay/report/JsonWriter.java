package org.mmwinter.replay.report;

/**
 * The few JSON forms the report embeds, written straight into a {@link StringBuilder}: objects, arrays, strings,
 * longs and doubles. Numbers are written without any locale; a NaN or an infinity becomes {@code null}, which the
 * page hands to uPlot as a gap. Strings escape {@code <} so that the text can sit inside a {@code <script>} element
 * without ever closing it.
 */
final class JsonWriter
{
    private static final int MAX_DEPTH = 32;
    /** Whole doubles below this magnitude print as integers ({@code 80} rather than {@code 80.0}); exact in a long. */
    private static final double WHOLE_LIMIT = 1e15;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final boolean[] needsComma = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    JsonWriter(final StringBuilder out)
    {
        this.out = out;
    }

    JsonWriter beginObject()
    {
        return open('{');
    }

    JsonWriter endObject()
    {
        return close('}');
    }

    JsonWriter beginArray()
    {
        return open('[');
    }

    JsonWriter endArray()
    {
        return close(']');
    }

    JsonWriter name(final String name)
    {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(final String value)
    {
        separate();
        quote(value);
        return this;
    }

    JsonWriter value(final long value)
    {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(final boolean value)
    {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(final double value)
    {
        separate();
        number(out, value);
        return this;
    }

    JsonWriter array(final double[] values, final int[] indices)
    {
        beginArray();
        for (int i = 0; i < indices.length; i++)
        {
            value(values[indices[i]]);
        }
        return endArray();
    }

    JsonWriter array(final long[] values)
    {
        beginArray();
        for (int i = 0; i < values.length; i++)
        {
            value(values[i]);
        }
        return endArray();
    }

    /**
     * A double as JSON: {@code null} for NaN and the infinities, an integer when the value is whole and exact,
     * otherwise Java's shortest round-trip form (which is locale-free and valid JSON, exponent included).
     */
    static void number(final StringBuilder out, final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            out.append("null");
        }
        else if (value == Math.rint(value) && Math.abs(value) < WHOLE_LIMIT)
        {
            if (value == 0.0)
            {
                out.append('0');
            }
            else
            {
                out.append((long)value);
            }
        }
        else
        {
            out.append(Double.toString(value));
        }
    }

    private JsonWriter open(final char bracket)
    {
        separate();
        if (depth == MAX_DEPTH)
        {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        out.append(bracket);
        needsComma[depth] = false;
        depth++;
        return this;
    }

    private JsonWriter close(final char bracket)
    {
        if (depth == 0)
        {
            throw new IllegalStateException("JSON close '" + bracket + "' without an open container");
        }
        depth--;
        out.append(bracket);
        if (depth > 0)
        {
            needsComma[depth - 1] = true;
        }
        return this;
    }

    private void separate()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }
        if (depth > 0)
        {
            if (needsComma[depth - 1])
            {
                out.append(',');
            }
            needsComma[depth - 1] = true;
        }
    }

    private void quote(final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    // '<' and '>' keep "</script>" and "<!--" out of the script element; U+2028/9 break old parsers.
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                    {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                            .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
