package org.mmwinter.engine.core;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packed client order id: every allowed character in every position survives the packing, equal texts pack to
 * equal words and different texts to different ones, and the decimal shortcut the journal uses applies exactly to
 * canonical decimals.
 */
final class ClientOrderIdTest
{
    private static final String ALPHABET = "-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    @Test
    void everyCharacterInEveryPositionRoundTrips()
    {
        final ClientOrderId id = new ClientOrderId();
        final byte[] ascii = new byte[ClientOrderId.MAX_LENGTH];
        for (int length = 1; length <= ClientOrderId.MAX_LENGTH; length++)
        {
            for (int c = 0; c < ALPHABET.length(); c++)
            {
                final StringBuilder text = new StringBuilder();
                for (int i = 0; i < length; i++)
                {
                    text.append(ALPHABET.charAt((c + i * 7) % ALPHABET.length()));
                }
                assertEquals(ClientOrderId.OK, id.parse(text, 0, length));
                assertEquals(text.toString(), id.toString());
                assertEquals(length, id.length());
                assertEquals(length, id.writeAscii(ascii, 0));
                final ClientOrderId fromBytes = new ClientOrderId();
                assertEquals(ClientOrderId.OK, fromBytes.parse(ascii, 0, length));
                assertTrue(fromBytes.equalTo(id));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 10, 99, 123_456_789, 999_999_999, 1_000_000_000, 123_456_789_012_345_678L,
        999_999_999_999_999_999L, Long.MAX_VALUE})
    void aDecimalIsTheIdOfItsDigits(final long value)
    {
        final ClientOrderId id = ClientOrderId.of("previous-text-spanning-three-words");
        id.setDecimal(value);
        assertEquals(ClientOrderId.of(Long.toString(value)), id);
        assertEquals(Long.toString(value), id.toString());
        assertEquals(value < 1_000_000_000_000_000_000L ? value : -1, id.decimalValue());
    }

    @Test
    void decimalsOfEveryLengthAreTheIdsOfTheirDigits()
    {
        // Each side of every power of ten: where a decimal's words split (nine digits a word) and its length changes.
        final ClientOrderId id = new ClientOrderId();
        long power = 1;
        for (int digits = 1; digits <= 19; digits++)
        {
            for (final long value : new long[]{power - 1, power, power + 1, 2 * power - 1})
            {
                id.setDecimal(value);
                assertEquals(Long.toString(value), id.toString(), "value " + value);
                assertTrue(id.equalTo(ClientOrderId.of(Long.toString(value))), "value " + value);
            }
            power = digits < 19 ? power * 10 : power;
        }
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++)
        {
            final long value = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            assertEquals(Long.toString(value), id.setDecimal(value).toString());
        }
    }

    @Test
    void aUuidsBytesAreTheIdOfItsCanonicalText()
    {
        final SplittableRandom random = new SplittableRandom(9);
        final byte[] bytes = new byte[20];
        final ClientOrderId id = ClientOrderId.of("previous-text");
        for (int i = 0; i < 2_000; i++)
        {
            random.nextBytes(bytes);
            final boolean upperCase = random.nextBoolean();
            final String hex = HexFormat.of().formatHex(bytes, 3, 19);
            final String text = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" +
                hex.substring(16, 20) + "-" + hex.substring(20);
            final String expected = upperCase ? text.toUpperCase(Locale.ROOT) : text;
            id.setUuid(bytes, 3, upperCase);
            assertEquals(expected, id.toString());
            assertTrue(id.equalTo(ClientOrderId.of(expected)), expected);
        }
    }

    @Test
    void onlyCanonicalUuidsWriteTheirBytes()
    {
        final SplittableRandom random = new SplittableRandom(13);
        final String lower = "0123456789abcdef";
        final byte[] bytes = new byte[18];
        final ClientOrderId readBack = new ClientOrderId();
        int uuids = 0;
        for (int i = 0; i < 20_000; i++)
        {
            // Mostly UUID-shaped text, with one of the ways of not being one now and then.
            final StringBuilder text = new StringBuilder();
            final boolean upper = random.nextBoolean();
            for (int at = 0; at < 36; at++)
            {
                final boolean dash = at == 8 || at == 13 || at == 18 || at == 23;
                final char hex = lower.charAt(random.nextInt(16));
                text.append(dash ? '-' : upper ? Character.toUpperCase(hex) : hex);
            }
            switch (random.nextInt(8))
            {
                case 0: text.setCharAt(random.nextInt(36), "gG_.:/Z".charAt(random.nextInt(7))); break;
                case 1: text.setCharAt(random.nextInt(36), random.nextBoolean() ? 'a' : 'A'); break;
                case 2: text.setLength(35); break;
                case 3: text.deleteCharAt(random.nextInt(36)); break;
                case 4: text.setCharAt(random.nextInt(36), '-'); break;
                default: break;
            }
            final ClientOrderId id = ClientOrderId.of(text);
            final int expected = uuidCase(text.toString());
            bytes[17] = 7;
            assertEquals(expected, id.writeUuid(bytes, 1), text::toString);
            assertEquals(7, bytes[17]);
            if (expected != ClientOrderId.NOT_A_UUID)
            {
                uuids++;
                final String hex = text.toString().replace("-", "");
                for (int b = 0; b < 16; b++)
                {
                    assertEquals((byte)Integer.parseInt(hex.substring(2 * b, 2 * b + 2), 16), bytes[1 + b]);
                }
                readBack.setUuid(bytes, 1, expected == ClientOrderId.UUID_UPPER_CASE);
                assertTrue(readBack.equalTo(id), text::toString);
            }
        }
        assertTrue(uuids > 5_000 && uuids < 15_000, "both kinds covered: " + uuids);
    }

    /** The rule, spelt on text: 36 characters, dashes at 8, 13, 18 and 23, hex elsewhere, letters of one case. */
    private static int uuidCase(final String text)
    {
        if (text.length() != 36)
        {
            return ClientOrderId.NOT_A_UUID;
        }
        boolean lowerLetter = false;
        boolean upperLetter = false;
        for (int at = 0; at < 36; at++)
        {
            final char c = text.charAt(at);
            final boolean dash = at == 8 || at == 13 || at == 18 || at == 23;
            if (dash != (c == '-'))
            {
                return ClientOrderId.NOT_A_UUID;
            }
            if (!dash && Character.digit(c, 16) < 0)
            {
                return ClientOrderId.NOT_A_UUID;
            }
            lowerLetter |= c >= 'a' && c <= 'f';
            upperLetter |= c >= 'A' && c <= 'F';
        }
        if (lowerLetter && upperLetter)
        {
            return ClientOrderId.NOT_A_UUID;
        }
        return upperLetter ? ClientOrderId.UUID_UPPER_CASE : ClientOrderId.UUID_LOWER_CASE;
    }

    @Test
    void differentTextsPackDifferently()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final Set<String> texts = new HashSet<>();
        final Set<ClientOrderId> ids = new HashSet<>();
        for (int i = 0; i < 50_000; i++)
        {
            final int length = 1 + random.nextInt(ClientOrderId.MAX_LENGTH);
            final StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++)
            {
                text.append(ALPHABET.charAt(random.nextInt(random.nextBoolean() ? 3 : ALPHABET.length())));
            }
            texts.add(text.toString());
            ids.add(ClientOrderId.of(text));
        }
        assertEquals(texts.size(), ids.size());
        assertNotEquals(ClientOrderId.of("7"), ClientOrderId.of("007"));
        assertNotEquals(ClientOrderId.of("a"), ClientOrderId.of("a-"));
        assertEquals(ClientOrderId.of("o17"), ClientOrderId.of("o17"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0", "7", "42", "999999999999999999"})
    void canonicalDecimalsHaveAValue(final String text)
    {
        final ClientOrderId id = ClientOrderId.of(text);
        assertEquals(Long.parseLong(text), id.decimalValue());
        assertTrue(new ClientOrderId().setDecimal(Long.parseLong(text)).equalTo(id));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"007", "00", "1000000000000000000", "12a", "-1", "1.0", "a"})
    void otherIdsHaveNone(final String text)
    {
        assertEquals(-1, ClientOrderId.of(text).decimalValue());
    }

    @Test
    void badTextLeavesTheIdAsItWas()
    {
        final ClientOrderId id = ClientOrderId.of("keep");
        assertEquals(ClientOrderId.EMPTY, id.parse("", 0, 0));
        assertEquals(ClientOrderId.TOO_LONG, id.parse("x".repeat(37), 0, 37));
        assertEquals(ClientOrderId.BAD_CHARACTER, id.parse("caf\u00e9", 0, 4));
        assertEquals(ClientOrderId.BAD_CHARACTER, id.parse("a b", 0, 3));
        assertEquals(ClientOrderId.BAD_CHARACTER, id.parse(new byte[]{'a', (byte)0xC3, (byte)0xA9}, 0, 3));
        assertEquals("keep", id.toString());
        assertThrows(IllegalArgumentException.class, () -> ClientOrderId.of("a,b"));
        assertFalse(ClientOrderId.isIdCharacter(','));
        assertTrue(new ClientOrderId().isEmpty());
        assertEquals(0, new ClientOrderId().length());
    }
}
