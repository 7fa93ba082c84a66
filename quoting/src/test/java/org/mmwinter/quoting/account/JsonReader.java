package org.mmwinter.quoting.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of RFC 8259 JSON for tests, since the build has no JSON library: objects become insertion-ordered
 * maps, arrays lists, numbers {@link BigDecimal} (scale kept), strings, booleans and {@link #NULL}. Anything not
 * valid JSON, or text after the value, is an {@link IllegalArgumentException} naming the offset.
 */
final class JsonReader
{
    /** JSON's null, so that a map can tell a null member from a missing one. */
    static final Object NULL = new Object()
    {
        @Override
        public String toString()
        {
            return "null";
        }
    };

    private final String text;
    private int at;

    private JsonReader(final String text)
    {
        this.text = text;
    }

    static Object parse(final String text)
    {
        final JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        final Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != text.length())
        {
            throw reader.error("text after the value");
        }
        return value;
    }

    private Object value()
    {
        if (at >= text.length())
        {
            throw error("value expected");
        }
        final char c = text.charAt(at);
        switch (c)
        {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                return number();
        }
    }

    private Map<String, Object> object()
    {
        final Map<String, Object> members = new LinkedHashMap<>();
        at++;
        skipWhitespace();
        if (peek() == '}')
        {
            at++;
            return members;
        }
        while (true)
        {
            skipWhitespace();
            if (peek() != '"')
            {
                throw error("member name expected");
            }
            final String name = string();
            if (members.containsKey(name))
            {
                throw error("duplicate member " + name);
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            if (peek() == ',')
            {
                at++;
                continue;
            }
            expect('}');
            return members;
        }
    }

    private List<Object> array()
    {
        final List<Object> items = new ArrayList<>();
        at++;
        skipWhitespace();
        if (peek() == ']')
        {
            at++;
            return items;
        }
        while (true)
        {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (peek() == ',')
            {
                at++;
                continue;
            }
            expect(']');
            return items;
        }
    }

    private String string()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            if (at >= text.length())
            {
                throw error("unterminated string");
            }
            final char c = text.charAt(at++);
            if (c == '"')
            {
                return out.toString();
            }
            if (c < 0x20)
            {
                throw error("control character in a string");
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            final char escaped = at < text.length() ? text.charAt(at++) : 0;
            switch (escaped)
            {
                case '"':
                case '\\':
                case '/':
                    out.append(escaped);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    if (at + 4 > text.length())
                    {
                        throw error("short \\u escape");
                    }
                    out.append((char)Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                    break;
                default:
                    throw error("bad escape");
            }
        }
    }

    private BigDecimal number()
    {
        final int start = at;
        if (peek() == '-')
        {
            at++;
        }
        if (peek() == '0')
        {
            at++;
        }
        else if (isDigit(peek()))
        {
            digits();
        }
        else
        {
            throw error("number expected");
        }
        if (peek() == '.')
        {
            at++;
            if (!isDigit(peek()))
            {
                throw error("digit expected after the point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E')
        {
            at++;
            if (peek() == '+' || peek() == '-')
            {
                at++;
            }
            if (!isDigit(peek()))
            {
                throw error("digit expected in the exponent");
            }
            digits();
        }
        return new BigDecimal(text.substring(start, at));
    }

    private void digits()
    {
        while (isDigit(peek()))
        {
            at++;
        }
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    private void literal(final String word)
    {
        if (!text.startsWith(word, at))
        {
            throw error(word + " expected");
        }
        at += word.length();
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private char peek()
    {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void skipWhitespace()
    {
        while (at < text.length())
        {
            final char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException error(final String what)
    {
        return new IllegalArgumentException(what + " at offset " + at + " of " + text);
    }
}
