package org.mmwinter.bench.peer;

import java.util.HashMap;
import java.util.Map;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import exchange.core2.core.orderbook.OrderBookNaiveImpl;
import org.mmwinter.bench.workload.OrderBookAdapter;

/**
 * exchange-core's two order books, by the name the benchmarks' {@code impl} parameter uses, built as its own
 * matching-engine router builds them (same object-pool sizes).
 */
public final class PeerBooks
{
    /** {@code OrderBookDirectImpl}: adaptive radix trees of price buckets, intrusive order lists, object pools. */
    public static final String DIRECT = "direct";
    /** {@code OrderBookNaiveImpl}: its reference book, a {@code TreeMap} of buckets. */
    public static final String NAIVE = "naive";
    /** The one symbol of the workload. */
    public static final int SYMBOL = 1;
    public static final int BASE_CURRENCY = 1;
    public static final int QUOTE_CURRENCY = 2;

    private PeerBooks()
    {
    }

    /**
     * A currency pair with lot and step of 1 and no fees, so that its ticks and lots are the workload's.
     */
    public static CoreSymbolSpecification symbol()
    {
        return CoreSymbolSpecification.builder()
            .symbolId(SYMBOL)
            .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
            .baseCurrency(BASE_CURRENCY)
            .quoteCurrency(QUOTE_CURRENCY)
            .baseScaleK(1)
            .quoteScaleK(1)
            .takerFee(0)
            .makerFee(0)
            .build();
    }

    public static ExchangeCoreBookAdapter create(final String impl)
    {
        switch (impl)
        {
            case DIRECT:
                return new ExchangeCoreBookAdapter(new OrderBookDirectImpl(
                    symbol(), routerObjectsPool(), OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                    LoggingConfiguration.DEFAULT), SYMBOL);

            case NAIVE:
                return new ExchangeCoreBookAdapter(
                    new OrderBookNaiveImpl(symbol(), LoggingConfiguration.DEFAULT), SYMBOL);

            default:
                throw new IllegalArgumentException("unknown exchange-core book " + impl + " (known: direct, naive)");
        }
    }

    /**
     * Fails the benchmark when the book refused a command, as on our side.
     */
    public static void checkNoRejects(final OrderBookAdapter book, final String where)
    {
        if (book.rejects() != 0)
        {
            throw new IllegalStateException(where + ": exchange-core refused " + book.rejects() + " commands");
        }
    }

    /**
     * The pool sizes of exchange-core's {@code MatchingEngineRouter}.
     */
    private static ObjectsPool routerObjectsPool()
    {
        final Map<Integer, Integer> config = new HashMap<>();
        config.put(ObjectsPool.DIRECT_ORDER, 1024 * 1024);
        config.put(ObjectsPool.DIRECT_BUCKET, 1024 * 64);
        config.put(ObjectsPool.ART_NODE_4, 1024 * 32);
        config.put(ObjectsPool.ART_NODE_16, 1024 * 16);
        config.put(ObjectsPool.ART_NODE_48, 1024 * 8);
        config.put(ObjectsPool.ART_NODE_256, 1024 * 4);
        return new ObjectsPool(config);
    }
}
