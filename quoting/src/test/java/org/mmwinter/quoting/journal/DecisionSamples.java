package org.mmwinter.quoting.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded decisions that cover every shape a record can take, and a field-by-field comparison (doubles by their raw
 * bits, so that NaN must come back as NaN and -0.0 as -0.0).
 */
final class DecisionSamples
{
    private static final double[] ODD_DOUBLES =
    {
        Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE,
        -12_345.678, 1e-300,
    };
    private static final long[] ODD_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, Integer.MIN_VALUE, 1L << 62};

    private DecisionSamples()
    {
    }

    /**
     * {@code count} decisions from {@code seed}; by index modulo 5: full ladders, empty ladders, every double NaN,
     * negative and extreme values, a random mix.
     */
    static List<Decision> generate(final long seed, final int count)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Decision> decisions = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final Decision d = new Decision();
            fill(d, i, random);
            decisions.add(d);
        }
        return decisions;
    }

    static void fill(final Decision d, final int i, final SplittableRandom random)
    {
        d.clear();
        d.nowNs = 1_700_000_000_000_000_000L + i * 1_000L;
        d.commandSequence = random.nextLong(0, 1L << 40);
        d.instrumentId = random.nextInt(0, 4);
        d.reason = random.nextInt(DecisionReason.MAX_REASON + 1);
        d.flags = random.nextInt();
        d.commandsSent = random.nextInt(0, 21);
        setDoubles(d, random);
        d.bestBidTicks = random.nextLong(1, 1_000_000);
        d.bestAskTicks = d.bestBidTicks + random.nextLong(1, 10);
        switch (i % 5)
        {
            case 0:
                ladder(d, Decision.MAX_LEVELS, Decision.MAX_LEVELS, random);
                break;
            case 1:
                d.bestBidTicks = Decision.NO_PRICE;
                d.bestAskTicks = Decision.NO_PRICE;
                break;
            case 2:
                setAllDoubles(d, Double.NaN);
                ladder(d, 1, 0, random);
                break;
            case 3:
                negativeAndExtreme(d, i, random);
                break;
            default:
                ladder(d, random.nextInt(Decision.MAX_LEVELS + 1), random.nextInt(Decision.MAX_LEVELS + 1), random);
                break;
        }
    }

    private static void setDoubles(final Decision d, final SplittableRandom random)
    {
        d.mid = 30_000 + random.nextDouble() * 100;
        d.sigma = random.nextDouble() * 1e-3;
        d.k = random.nextDouble() * 5;
        d.a = random.nextDouble() * 200;
        d.inventory = random.nextDouble() * 2 - 1;
        d.reservation = d.mid - d.inventory;
        d.bidHalfSpread = random.nextDouble() * 10;
        d.askHalfSpread = random.nextDouble() * 10;
        d.equity = 100_000 + random.nextDouble() * 1_000 - 500;
        d.drawdown = random.nextDouble() * 50;
    }

    private static void setAllDoubles(final Decision d, final double value)
    {
        d.mid = value;
        d.sigma = value;
        d.k = value;
        d.a = value;
        d.inventory = value;
        d.reservation = value;
        d.bidHalfSpread = value;
        d.askHalfSpread = value;
        d.equity = value;
        d.drawdown = value;
    }

    private static void negativeAndExtreme(final Decision d, final int i, final SplittableRandom random)
    {
        d.nowNs = -d.nowNs;
        d.commandSequence = ODD_LONGS[i % ODD_LONGS.length];
        d.instrumentId = i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        d.flags = Integer.MIN_VALUE | 1;
        d.commandsSent = -7;
        d.mid = ODD_DOUBLES[i % ODD_DOUBLES.length];
        d.inventory = -random.nextDouble() * 3;
        d.equity = -1e12;
        d.drawdown = ODD_DOUBLES[(i + 3) % ODD_DOUBLES.length];
        d.bestBidTicks = Long.MIN_VALUE;
        d.bestAskTicks = Long.MAX_VALUE;
        // Ladders going the wrong way and straddling zero, with the largest jumps a delta can take.
        d.addBid(Long.MAX_VALUE, -1);
        d.addBid(Long.MIN_VALUE, Long.MAX_VALUE);
        d.addBid(-5, Long.MIN_VALUE);
        d.addAsk(0, 0);
        d.addAsk(-3, 2);
    }

    private static void ladder(final Decision d, final int bids, final int asks, final SplittableRandom random)
    {
        long price = d.bestBidTicks;
        for (int level = 0; level < bids; level++)
        {
            price -= random.nextLong(1, 4);
            d.addBid(price, random.nextLong(1, 10_000));
        }
        price = d.bestAskTicks;
        for (int level = 0; level < asks; level++)
        {
            price += random.nextLong(1, 4);
            d.addAsk(price, random.nextLong(1, 10_000));
        }
    }

    /**
     * Every field equal; ladder slots compared up to the level counts, and the slots past them zero.
     */
    static void assertSameDecision(final Decision expected, final Decision actual, final String which)
    {
        assertEquals(expected.nowNs, actual.nowNs, which + " nowNs");
        assertEquals(expected.commandSequence, actual.commandSequence, which + " commandSequence");
        assertEquals(expected.instrumentId, actual.instrumentId, which + " instrumentId");
        assertEquals(expected.reason, actual.reason, which + " reason");
        assertEquals(expected.flags, actual.flags, which + " flags");
        assertBits(expected.mid, actual.mid, which + " mid");
        assertBits(expected.sigma, actual.sigma, which + " sigma");
        assertBits(expected.k, actual.k, which + " k");
        assertBits(expected.a, actual.a, which + " a");
        assertBits(expected.inventory, actual.inventory, which + " inventory");
        assertBits(expected.reservation, actual.reservation, which + " reservation");
        assertBits(expected.bidHalfSpread, actual.bidHalfSpread, which + " bidHalfSpread");
        assertBits(expected.askHalfSpread, actual.askHalfSpread, which + " askHalfSpread");
        assertBits(expected.equity, actual.equity, which + " equity");
        assertBits(expected.drawdown, actual.drawdown, which + " drawdown");
        assertEquals(expected.bidLevels, actual.bidLevels, which + " bidLevels");
        assertEquals(expected.askLevels, actual.askLevels, which + " askLevels");
        for (int level = 0; level < Decision.MAX_LEVELS; level++)
        {
            final boolean bid = level < expected.bidLevels;
            final boolean ask = level < expected.askLevels;
            assertEquals(bid ? expected.bidTicks[level] : 0, actual.bidTicks[level], which + " bidTicks " + level);
            assertEquals(bid ? expected.bidLots[level] : 0, actual.bidLots[level], which + " bidLots " + level);
            assertEquals(ask ? expected.askTicks[level] : 0, actual.askTicks[level], which + " askTicks " + level);
            assertEquals(ask ? expected.askLots[level] : 0, actual.askLots[level], which + " askLots " + level);
        }
        assertEquals(expected.commandsSent, actual.commandsSent, which + " commandsSent");
        assertEquals(expected.bestBidTicks, actual.bestBidTicks, which + " bestBidTicks");
        assertEquals(expected.bestAskTicks, actual.bestAskTicks, which + " bestAskTicks");
    }

    private static void assertBits(final double expected, final double actual, final String what)
    {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            what + ": expected " + expected + " but was " + actual);
    }
}
