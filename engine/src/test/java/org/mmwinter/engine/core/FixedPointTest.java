package org.mmwinter.engine.core;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decimal text to scaled longs and back, exactly: trailing zeros are free, any other digit past the scale is an
 * error, and so is anything that does not fit a long.
 */
final class FixedPointTest
{
    private final FixedPoint decimal = new FixedPoint();

    @ParameterizedTest(name = "\"{0}\" at scale {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "12.5                   | 8 | 1250000000",
        "12.50                  | 8 | 1250000000",
        "12.500000000000        | 8 | 1250000000",
        "12                     | 8 | 1200000000",
        "12.                    | 8 | 1200000000",
        ".5                     | 8 | 50000000",
        "0.00000001             | 8 | 1",
        "0.000000010            | 8 | 1",
        "00012.5                | 8 | 1250000000",
        "+12.5                  | 8 | 1250000000",
        "-12.5                  | 8 | -1250000000",
        "-0                     | 8 | 0",
        "0                      | 0 | 0",
        "7                      | 0 | 7",
        "7.000                  | 0 | 7",
        "92233720368.54775807   | 8 | 9223372036854775807",
        "-92233720368.54775807  | 8 | -9223372036854775807",
        "9223372036854775807    | 0 | 9223372036854775807",
        "92233720368.5477580700 | 8 | 9223372036854775807",
        "9.223372036854775807   | 18 | 9223372036854775807",
        "0.000000000000000001   | 18 | 1",
        "1.5                    | 1 | 15",
    })
    void parses(final String text, final int scale, final long expected)
    {
        assertEquals(FixedPoint.OK, decimal.parse(text, 0, text.length(), scale));
        assertEquals(expected, decimal.value());
    }

    @ParameterizedTest(name = "\"{0}\" at scale {1} -> error {2}")
    @CsvSource(delimiter = '|', value = {
        "0.000000001             | 8 | 2",
        "12.123456789            | 8 | 2",
        "12.000000001            | 8 | 2",
        "0.5                     | 0 | 2",
        "92233720368.54775808    | 8 | 3",
        "-92233720368.54775808   | 8 | 3",
        "9223372036854775808     | 0 | 3",
        "99999999999999999999999 | 0 | 3",
        "92233720368.5477580800  | 8 | 3",
        "92233720369             | 8 | 3",
        "10                      | 18 | 3",
        "99999999999999999999.1  | 0 | 2",
        "abc                     | 8 | 1",
        "1e5                     | 8 | 1",
        "1,5                     | 8 | 1",
        "1.2.3                   | 8 | 1",
        "--1                     | 8 | 1",
        "+-1                     | 8 | 1",
        "-                       | 8 | 1",
        "+                       | 8 | 1",
        ".                       | 8 | 1",
        "12a                     | 8 | 1",
        "0x10                    | 8 | 1",
    })
    void refuses(final String text, final int scale, final int error)
    {
        assertEquals(error, decimal.parse(text, 0, text.length(), scale));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" 1", "1 ", "1_000", "\t1", "١"})
    void refusesAnythingButPlainAsciiDigits(final String text)
    {
        assertEquals(FixedPoint.NOT_A_NUMBER, decimal.parse(text, 0, text.length(), 8));
    }

    @Test
    void emptyTextIsEmpty()
    {
        assertEquals(FixedPoint.EMPTY, decimal.parse("", 0, 0, 8));
        assertEquals(FixedPoint.EMPTY, decimal.parse("12", 1, 1, 8));
    }

    @Test
    void parsesARangeOfALongerText()
    {
        final String line = "x,12.50,y";

        assertEquals(FixedPoint.OK, decimal.parse(line, 2, 7, 2));
        assertEquals(1250, decimal.value());
    }

    @Test
    void failedParseKeepsTheLastValue()
    {
        decimal.parse("3", 0, 1, 0);

        assertEquals(FixedPoint.NOT_A_NUMBER, decimal.parse("x", 0, 1, 0));
        assertEquals(FixedPoint.OVERFLOW, decimal.parse("99999999999999999999", 0, 20, 0));
        assertEquals(3, decimal.value());
    }

    @ParameterizedTest(name = "{0} at scale {1} -> \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "1250000000            | 8 | 12.5",
        "1200000000            | 8 | 12",
        "0                     | 8 | 0",
        "1                     | 8 | 0.00000001",
        "10                    | 8 | 0.0000001",
        "100000001             | 8 | 1.00000001",
        "-1                    | 8 | -0.00000001",
        "-1250000000           | 8 | -12.5",
        "9223372036854775807   | 8 | 92233720368.54775807",
        "-9223372036854775807  | 8 | -92233720368.54775807",
        "-9223372036854775808  | 8 | -92233720368.54775808",
        "-9223372036854775808  | 0 | -9223372036854775808",
        "9223372036854775807   | 18 | 9.223372036854775807",
        "5                     | 18 | 0.000000000000000005",
        "100                   | 2 | 1",
        "105                   | 2 | 1.05",
        "100                   | 0 | 100",
    })
    void formatsWithoutTrailingZeros(final long scaled, final int scale, final String expected)
    {
        assertEquals(expected, FixedPoint.format(scaled, scale));
    }

    @Test
    void appendKeepsWhatTheBuilderAlreadyHolds()
    {
        final StringBuilder sb = new StringBuilder("price=");

        FixedPoint.append(sb, 1, 8).append(',');
        FixedPoint.append(sb, 5, 2);

        assertEquals("price=0.00000001,0.05", sb.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void formatThenParseGivesTheSameValueAndAgreesWithBigDecimal(final long seed)
    {
        final Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++)
        {
            final int scale = random.nextInt(19);
            final long value = switch (random.nextInt(3))
            {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(2_000_000) - 1_000_000;
                default -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(10) : Long.MIN_VALUE + 1;
            };
            final String text = FixedPoint.format(value, scale);
            final String where = "seed " + seed + " value " + value + " scale " + scale;

            assertEquals(BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString(), text, where);
            assertEquals(FixedPoint.OK, decimal.parse(text, 0, text.length(), scale), where);
            assertEquals(value, decimal.value(), where);
        }
    }
}
