package org.mmwinter.engine.fix;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.fix.marketdata.FixMarketData;
import org.mmwinter.engine.fix.marketdata.QuickFixSender;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;

/**
 * The engine in-process with its real FIX acceptor on 127.0.0.1 (any free port): the pipeline with its journals
 * under a test's directory, BTC-USD with tick 0.01 and lot 0.0001 (defined here, not taken from the engine's
 * defaults), sessions CLIENT1 and CLIENT2 and any {@code fix.*} keys a test adds. Nothing between a client's socket
 * and the matching core is replaced.
 */
final class FixEngine implements AutoCloseable
{
    static final long TIMEOUT_S = 10;

    private final EnginePipeline pipeline;
    private final FixAcceptor acceptor;
    private final FixMarketData marketData;
    private final InetSocketAddress address;
    private final Path dir;

    FixEngine(final Path dir, final Map<String, String> fixKeys) throws Exception
    {
        this(dir, fixKeys, false);
    }

    /**
     * @param withMarketData whether MarketDataRequests go to the engine's FIX market data (as {@code engine.jar}
     *                       runs it) or are refused.
     */
    FixEngine(final Path dir, final Map<String, String> fixKeys, final boolean withMarketData) throws Exception
    {
        this.dir = dir;
        final EngineConfig config = config(dir);
        for (final Map.Entry<String, String> key : fixKeys.entrySet())
        {
            config.fixProperty(key.getKey(), key.getValue());
        }
        pipeline = new EnginePipeline(config, List.of(), List.of(), new SystemEpochNanoClock());
        pipeline.start();
        marketData = withMarketData ? new FixMarketData(pipeline, new QuickFixSender()).start() : null;
        acceptor = new FixAcceptor(pipeline, FixGatewayConfig.from(config).withPort(0),
            withMarketData ? marketData : FixMarketDataHandler.NONE);
        address = acceptor.start();
    }

    FixEngine(final Path dir) throws Exception
    {
        this(dir, Map.of());
    }

    static EngineConfig config(final Path dir)
    {
        return EngineConfig.defaults().clearInstruments()
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.01", "0.0001", 0))
            .addInstrument(new EngineConfig.InstrumentSpec("ETH-USD", "0.01", "0.001", 0))
            .createInstrumentsOnFirstUse(false)
            .dataDir(dir.resolve("data"));
    }

    int port()
    {
        return address.getPort();
    }

    EnginePipeline pipeline()
    {
        return pipeline;
    }

    FixAcceptor acceptor()
    {
        return acceptor;
    }

    /** A client with sequence numbers in memory (reset at logon), logged on. */
    FixClient logon(final String sender) throws InterruptedException
    {
        final FixClient client = new FixClient("127.0.0.1", port(), sender, null, null);
        if (!client.logon(TIMEOUT_S, TimeUnit.SECONDS))
        {
            client.close();
            throw new AssertionError(sender + " could not log on: " + client.logoutText());
        }
        return client;
    }

    /** A client that keeps its sequence numbers under the test's directory, logged on. */
    FixClient logonKeepingSequence(final String sender) throws InterruptedException
    {
        final FixClient client = new FixClient("127.0.0.1", port(), sender, null, dir.resolve("client-" + sender));
        if (!client.logon(TIMEOUT_S, TimeUnit.SECONDS))
        {
            client.close();
            throw new AssertionError(sender + " could not log on: " + client.logoutText());
        }
        return client;
    }

    /** Every resting order, instrument by instrument in priority order: "id side price qty account/client-id". */
    List<String> book()
    {
        final MatchingEngine core = pipeline.stateWhenIdle().engine();
        final List<String> rows = new ArrayList<>();
        for (int i = 0; i < core.instrumentCount(); i++)
        {
            core.forEachRestingOrder(i, (instrument, side, price, qty, account, id, orderId, tif, stp, ts) ->
                rows.add(instrument + " " + side + " " + price + " " + qty + " " + account + "/" + id));
        }
        return rows;
    }

    public void close()
    {
        acceptor.close();
        if (marketData != null)
        {
            marketData.close();
        }
        pipeline.close();
    }
}
