package org.mmwinter.quoting.journal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints a data directory's decision journal for a post-mortem ({@code engine.jar bot-decisions --data DIR
 * [--csv]}): as CSV under a pinned header for tools, or as aligned text for a person. Off the hot path: it builds
 * strings freely. Prices and quantities of the ladder and the book come out as decimals (ticks times the tick size,
 * lots times the lot size, exactly: no binary rounding); model figures as the bot recorded them. Every number is
 * written plainly, the same in every locale and never with an exponent; NaN and infinities by those names.
 */
public final class DecisionPrinter
{
    /** The CSV header; tools parse by these names, so they only ever gain columns at the end. */
    public static final String CSV_HEADER = "ts_ns,seq,symbol,reason,flags,mid,sigma,k,a,inventory,reservation," +
        "bid_half_spread,ask_half_spread,best_bid,best_ask,bid_levels,ask_levels,bids,asks,commands_sent,equity," +
        "drawdown";

    private static final String TEXT_NONE = "-";

    private DecisionPrinter()
    {
    }

    /**
     * The decision journal's place under a data directory.
     */
    public static Path journalDirectory(final Path dataDir)
    {
        return dataDir.resolve("bot").resolve("decisions");
    }

    /**
     * Prints every decision of {@code <dataDir>/bot/decisions} to {@code out}, one line each (after the header) as
     * CSV, or a block each as text.
     *
     * @return the number of decisions printed.
     * @throws IllegalArgumentException naming the directory when there is no decision journal there.
     */
    public static int print(final Path dataDir, final boolean csv, final PrintStream out)
    {
        final Path directory = journalDirectory(dataDir);
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no decision journal under " + directory);
        }
        int printed = 0;
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision d = new Decision();
            if (csv)
            {
                out.print(CSV_HEADER + "\n");
            }
            while (reader.next(d))
            {
                out.print(csv ? csvLine(reader, d) : textBlock(reader, d));
                printed++;
            }
        }
        out.flush();
        return printed;
    }

    static String csvLine(final DecisionReader reader, final Decision d)
    {
        final double tickSize = reader.tickSize(d.instrumentId);
        final double lotSize = reader.lotSize(d.instrumentId);
        final StringBuilder line = new StringBuilder(256);
        line.append(d.nowNs).append(',')
            .append(d.commandSequence).append(',')
            .append(csvField(reader.symbol(d.instrumentId))).append(',')
            .append(DecisionReason.name(d.reason)).append(',')
            .append(flagNames(d.flags, "")).append(',')
            .append(number(d.mid)).append(',')
            .append(number(d.sigma)).append(',')
            .append(number(d.k)).append(',')
            .append(number(d.a)).append(',')
            .append(number(d.inventory)).append(',')
            .append(number(d.reservation)).append(',')
            .append(number(d.bidHalfSpread)).append(',')
            .append(number(d.askHalfSpread)).append(',')
            .append(bookPrice(d.bestBidTicks, tickSize, "")).append(',')
            .append(bookPrice(d.bestAskTicks, tickSize, "")).append(',')
            .append(d.bidLevels).append(',')
            .append(d.askLevels).append(',')
            .append(ladder(d.bidTicks, d.bidLots, d.bidLevels, tickSize, lotSize, "|", "")).append(',')
            .append(ladder(d.askTicks, d.askLots, d.askLevels, tickSize, lotSize, "|", "")).append(',')
            .append(d.commandsSent).append(',')
            .append(number(d.equity)).append(',')
            .append(number(d.drawdown)).append('\n');
        return line.toString();
    }

    static String textBlock(final DecisionReader reader, final Decision d)
    {
        final double tickSize = reader.tickSize(d.instrumentId);
        final double lotSize = reader.lotSize(d.instrumentId);
        return String.format(Locale.ROOT,
            "%-19d  seq %-12d  %-12s  %-18s  flags %s\n" +
            "    book     bid %s  ask %s  mid %s\n" +
            "    model    sigma %s  k %s  a %s\n" +
            "    quote    inventory %s  reservation %s  half spreads bid %s  ask %s\n" +
            "    bids     %s\n" +
            "    asks     %s\n" +
            "    sent     %d commands  equity %s  drawdown %s\n",
            d.nowNs, d.commandSequence, reader.symbol(d.instrumentId), DecisionReason.name(d.reason),
            flagNames(d.flags, TEXT_NONE),
            bookPrice(d.bestBidTicks, tickSize, TEXT_NONE), bookPrice(d.bestAskTicks, tickSize, TEXT_NONE),
            number(d.mid),
            number(d.sigma), number(d.k), number(d.a),
            number(d.inventory), number(d.reservation), number(d.bidHalfSpread), number(d.askHalfSpread),
            ladder(d.bidTicks, d.bidLots, d.bidLevels, tickSize, lotSize, "  ", TEXT_NONE),
            ladder(d.askTicks, d.askLots, d.askLevels, tickSize, lotSize, "  ", TEXT_NONE),
            d.commandsSent, number(d.equity), number(d.drawdown));
    }

    /**
     * Reason names of the set bits, lowest code first, joined by {@code |}; {@code none} for no bits. A bit past
     * the known codes prints as its number so that nothing recorded is hidden.
     */
    static String flagNames(final int flags, final String none)
    {
        if (flags == 0)
        {
            return none;
        }
        final StringBuilder names = new StringBuilder();
        for (int bit = 0; bit < Integer.SIZE; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                if (names.length() > 0)
                {
                    names.append('|');
                }
                names.append(bit <= DecisionReason.MAX_REASON ? DecisionReason.name(bit) : Integer.toString(bit));
            }
        }
        return names.toString();
    }

    private static String ladder(final long[] ticks, final long[] lots, final int levels, final double tickSize,
        final double lotSize, final String separator, final String none)
    {
        if (levels == 0)
        {
            return none;
        }
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < levels; i++)
        {
            if (i > 0)
            {
                text.append(separator);
            }
            text.append(scaled(ticks[i], tickSize)).append('@').append(scaled(lots[i], lotSize));
        }
        return text.toString();
    }

    private static String bookPrice(final long ticks, final double tickSize, final String none)
    {
        return ticks == Decision.NO_PRICE ? none : scaled(ticks, tickSize);
    }

    /**
     * {@code units} times {@code size} as an exact decimal; the bare count when the size is unknown (an instrument
     * the journal never defined).
     */
    static String scaled(final long units, final double size)
    {
        if (Double.isNaN(size))
        {
            return Long.toString(units);
        }
        return BigDecimal.valueOf(size).multiply(BigDecimal.valueOf(units)).stripTrailingZeros().toPlainString();
    }

    /**
     * The shortest decimal that reads back as {@code value}, without an exponent.
     */
    static String number(final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String csvField(final String text)
    {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0)
        {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
