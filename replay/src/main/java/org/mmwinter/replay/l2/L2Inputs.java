package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The recorded files of one run and the instrument they imply: the book file's layout (from its header), its symbol
 * (its first data row's), and the tick and lot, given or inferred. Inference reads the first
 * {@link #INFERENCE_ROWS} data rows of each file and takes the most decimal places any price (amount) shows,
 * trailing zeros left out, as the tick (lot): 6421.5 and 6422 give a tick of 0.1, amounts 1.714 and 0.2 a lot of
 * 0.001. That grid holds every value seen so far; a later, finer value stops the run with its line (give --tick or
 * --lot then). The inferred tick may be finer than the venue's (0.1 where Deribit's is 0.5): that changes nothing
 * for the recorded flow, which sits on the venue's grid anyway, but lets the bot quote between venue ticks.
 */
final class L2Inputs
{
    /** Data rows of each file read for the inference. */
    static final int INFERENCE_ROWS = 1_000;
    /** {@link #trades}: no trades file. */
    static final Path NO_TRADES = Path.of("");

    final Path book;
    final Path trades;
    final String symbol;
    final String exchange;
    final String layout;
    final DecimalGrid tick;
    final DecimalGrid lot;
    final boolean tickInferred;
    final boolean lotInferred;

    private L2Inputs(final Path book, final Path trades, final String symbol, final String exchange,
        final String layout, final DecimalGrid tick, final DecimalGrid lot, final boolean tickInferred,
        final boolean lotInferred)
    {
        this.book = book;
        this.trades = trades;
        this.symbol = symbol;
        this.exchange = exchange;
        this.layout = layout;
        this.tick = tick;
        this.lot = lot;
        this.tickInferred = tickInferred;
        this.lotInferred = lotInferred;
    }

    /**
     * @param tick the tick as a decimal, or null to infer it; likewise {@code lot}.
     * @throws IllegalArgumentException when a given tick or lot is not a positive decimal.
     */
    static L2Inputs open(final Path book, final Path trades, final String tick, final String lot) throws IOException
    {
        final String layout;
        String symbol = null;
        String exchange = "";
        int priceDecimals = 0;
        int amountDecimals = 0;
        try (CsvLines in = new CsvLines(book))
        {
            layout = layout(in);
            final int symbolColumn = RowFields.column(in, "symbol", layout);
            final int exchangeColumn = RowFields.column(in, "exchange", layout);
            final String[] header = in.header();
            for (int rows = 0; rows < INFERENCE_ROWS && in.next(); rows++)
            {
                if (symbol == null)
                {
                    RowFields.fieldCount(in, header.length);
                    symbol = in.field(symbolColumn);
                    exchange = in.field(exchangeColumn);
                    if (symbol.isEmpty())
                    {
                        throw in.error("symbol", "empty");
                    }
                }
                for (int i = 0; i < header.length && i < in.fieldCount(); i++)
                {
                    if (isPrice(header[i]))
                    {
                        priceDecimals = Math.max(priceDecimals, DecimalGrid.decimals(in.field(i)));
                    }
                    else if (isAmount(header[i]))
                    {
                        amountDecimals = Math.max(amountDecimals, DecimalGrid.decimals(in.field(i)));
                    }
                }
            }
            if (symbol == null)
            {
                throw new L2InputException(book + ": no data rows after the header");
            }
        }
        if (!trades.equals(NO_TRADES))
        {
            try (CsvLines in = new CsvLines(trades))
            {
                final int price = RowFields.column(in, "price", TradeReader.LAYOUT);
                final int amount = RowFields.column(in, "amount", TradeReader.LAYOUT);
                RowFields.column(in, "id", TradeReader.LAYOUT);
                for (int rows = 0; rows < INFERENCE_ROWS && in.next(); rows++)
                {
                    if (in.fieldCount() > Math.max(price, amount))
                    {
                        priceDecimals = Math.max(priceDecimals, DecimalGrid.decimals(in.field(price)));
                        amountDecimals = Math.max(amountDecimals, DecimalGrid.decimals(in.field(amount)));
                    }
                }
            }
        }
        final DecimalGrid tickGrid = new DecimalGrid(tick != null ? tick : power(priceDecimals), "--tick");
        final DecimalGrid lotGrid = new DecimalGrid(lot != null ? lot : power(amountDecimals), "--lot");
        return new L2Inputs(book, trades, symbol, exchange, layout, tickGrid, lotGrid, tick == null, lot == null);
    }

    private static String power(final int decimals)
    {
        return decimals == 0 ? "1" : "0." + "0".repeat(decimals - 1) + "1";
    }

    private static boolean isPrice(final String column)
    {
        return column.equalsIgnoreCase("price") || column.endsWith("].price");
    }

    private static boolean isAmount(final String column)
    {
        return column.equalsIgnoreCase("amount") || column.endsWith("].amount");
    }

    private static String layout(final CsvLines in) throws L2InputException
    {
        for (final String column : in.header())
        {
            if (column.equalsIgnoreCase("is_snapshot"))
            {
                return IncrementalBookReader.LAYOUT;
            }
        }
        final int levels = SnapshotBookReader.levels(in);
        if (levels > 0)
        {
            return SnapshotBookReader.LAYOUT_PREFIX + levels;
        }
        throw new L2InputException(in.path() + ":1: neither a Tardis incremental_book_L2 header (with is_snapshot) " +
            "nor a book_snapshot_N one (with asks[0].price): " + String.join(",", in.header()));
    }

    RowFields fields()
    {
        return new RowFields(symbol, tick, lot);
    }

    BookSource openBook() throws IOException
    {
        final CsvLines in = new CsvLines(book);
        return layout.equals(IncrementalBookReader.LAYOUT) ? new IncrementalBookReader(in, fields()) :
            new SnapshotBookReader(in, fields());
    }

    boolean hasTrades()
    {
        return !trades.equals(NO_TRADES);
    }

    TradeReader openTrades() throws IOException
    {
        return new TradeReader(new CsvLines(trades), fields());
    }
}
