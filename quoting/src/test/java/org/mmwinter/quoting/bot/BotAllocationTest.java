package org.mmwinter.quoting.bot;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot's hot path allocates nothing, measured as the engine's pipeline is: the lockstep driver's thread runs the
 * bot's every callback and decision, its decision journal appends and its commands' way into the engine; over
 * tens of thousands of flow commands that move the book and fill the bot, it allocates less than a byte a command
 * (the bound of {@code PipelineAllocationTest}; a String or a boxed number per event would be hundreds).
 */
final class BotAllocationTest
{
    private static final int WARM_UP = 10_000;
    private static final int MEASURED = 10_000;
    private static final int IDS = 1024;

    @TempDir
    Path dir;

    @Test
    void theBotsEventsAndDecisionsAllocateNothing()
    {
        try (BotRun run = new BotRun(dir, Map.of("bot.vol_pull", "1", "bot.vol_reentry", "1",
            "bot.kill.max_drawdown", "1000000", "bot.kill.adverse_run", "1000000", "bot.refresh_s", "0.001")))
        {
            run.market(30_000, 50, 1_000);
            // Resting orders and takers never share an id: a taker must not be refused as a duplicate of a live one.
            final String[] ids = new String[2 * IDS];
            for (int i = 0; i < IDS; i++)
            {
                ids[i] = "rest" + i;
                ids[IDS + i] = "take" + i;
            }
            final CommandEvent command = new CommandEvent();
            final int flow = run.account("flow");
            final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long[] t = {BotRun.START + 10 * BotRun.SECOND};
            drive(run, command, flow, ids, t, WARM_UP);
            final long before = threads.getCurrentThreadAllocatedBytes();
            drive(run, command, flow, ids, t, MEASURED);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(run.bot.ledger().fills() > 1_000, "the bot traded: " + run.bot.ledger().fills());
            assertTrue(run.bot.commandsSent() > 2_000, "and requoted: " + run.bot.commandsSent());
            assertTrue(allocated < MEASURED, allocated + " bytes over " + MEASURED + " commands");
        }
    }

    /**
     * Rests an order inside the spread, then cancels it (the mid moves each time), and every third command takes
     * from the bot's side of the book.
     */
    private static void drive(final BotRun run, final CommandEvent c, final int account, final String[] ids,
        final long[] t, final int commands)
    {
        final long mid = BotRun.ticks(30_000);
        for (int i = 0; i < commands; i++)
        {
            final String id = i % 3 == 2 ? ids[IDS + i % IDS] : ids[(i / 2) % IDS];
            c.clear();
            c.accountId = account;
            c.clientOrderId.parse(id, 0, id.length());
            c.instrumentId = run.instrument;
            if (i % 3 == 2)
            {
                c.type = CommandType.NEW;
                c.side = (i & 1) == 0 ? Side.SELL : Side.BUY;
                c.orderType = OrderType.LIMIT;
                c.tif = TimeInForce.IOC;
                c.price = c.side == Side.SELL ? mid - 40 : mid + 40;
                c.qty = 3;
            }
            else if ((i & 1) == 0)
            {
                c.type = CommandType.NEW;
                c.side = (i & 2) == 0 ? Side.BUY : Side.SELL;
                c.orderType = OrderType.LIMIT;
                c.tif = TimeInForce.GTC;
                c.price = c.side == Side.BUY ? mid - 60 + (i % 7) : mid + 60 - (i % 7);
                c.qty = 2;
            }
            else
            {
                c.type = CommandType.CANCEL;
            }
            t[0] += 50_000_000L;
            c.nowNs = t[0];
            run.host.submit(c);
        }
    }
}
