package org.mmwinter.quoting.bot;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Fees;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;

/**
 * After a restart the bot learns what it had from the engine's input journal, not from its own memory: the journal
 * is replayed read-only through a private copy of the core (the same deterministic path as the engine's recovery),
 * which yields every fill of the bot's account, in order, with its fee, and at the end the bot's orders still
 * resting. Commands the engine journaled but never acknowledged (a kill -9 between the two) are included, as the
 * engine's recovery includes them: nothing the engine holds is unknown to the bot, nothing the bot believes live is
 * gone.
 */
public final class JournalRebuild
{
    private final Path inputJournal;
    private final String account;

    private long fills;
    private long orders;
    private long sequence;

    public JournalRebuild(final Path inputJournal, final String account)
    {
        this.inputJournal = inputJournal;
        this.account = account;
    }

    /**
     * Replays the journal into {@code bot} ({@link MarketMaker#restoreFill}, {@link MarketMaker#restoreOrder},
     * {@link MarketMaker#restored}); a missing journal is a first start.
     */
    public void into(final MarketMaker bot)
    {
        if (!Files.isDirectory(inputJournal))
        {
            bot.restored(0, 0);
            return;
        }
        final Collector collector = new Collector(bot);
        final EngineState state = new EngineState(collector, 1 << 16);
        collector.state = state;
        InputJournal.replayReadOnly(inputJournal, state::apply);
        final int accountId = state.accounts().idOf(account);
        final MatchingEngine engine = state.engine();
        if (accountId != AccountRegistry.UNKNOWN)
        {
            for (int i = 0; i < engine.instrumentCount(); i++)
            {
                engine.forEachRestingOrder(i, (instrumentId, side, price, qty, owner, clientOrderId, orderId, tif,
                    stp, timestampNs) ->
                {
                    if (owner == accountId)
                    {
                        orders++;
                        bot.restoreOrder(instrumentId, number(clientOrderId), side, price, qty);
                    }
                });
            }
        }
        bot.restoreOrderNumber(collector.maxNumber + 1);
        sequence = state.lastSequence();
        bot.restored(state.lastNowNs(), sequence);
    }

    public long fills()
    {
        return fills;
    }

    public long orders()
    {
        return orders;
    }

    /** The journal sequence the rebuild reached. */
    public long sequence()
    {
        return sequence;
    }

    private static long number(final ClientOrderId id)
    {
        return id.decimalValue();
    }

    private final class Collector implements MatchingListener
    {
        private final MarketMaker bot;
        private EngineState state;
        private long maxNumber;

        Collector(final MarketMaker bot)
        {
            this.bot = bot;
        }

        private boolean ours(final int accountId)
        {
            return accountId != AccountRegistry.UNKNOWN && account.equals(state.accounts().name(accountId));
        }

        public void onAccepted(final int instrumentId, final int accountId, final long orderId,
            final ClientOrderId clientOrderId, final int side, final long price, final long qty)
        {
            if (ours(accountId))
            {
                maxNumber = Math.max(maxNumber, number(clientOrderId));
            }
        }

        public void onFill(final int instrumentId, final long price, final long qty, final int takerSide,
            final int makerAccountId, final long makerOrderId, final ClientOrderId makerClientOrderId,
            final long makerRemaining, final int takerAccountId, final long takerOrderId,
            final ClientOrderId takerClientOrderId, final long takerRemaining)
        {
            final long nowNs = state.lastNowNs();
            if (ours(takerAccountId))
            {
                fills++;
                final Instrument instrument = state.engine().instrument(instrumentId);
                bot.restoreFill(nowNs, instrumentId, takerSide, price, qty,
                    Fees.fee(instrument, price, qty, instrument.takerFeeRate()));
            }
            if (ours(makerAccountId))
            {
                fills++;
                final Instrument instrument = state.engine().instrument(instrumentId);
                bot.restoreFill(nowNs, instrumentId, takerSide == Side.BUY ? Side.SELL : Side.BUY, price, qty,
                    Fees.fee(instrument, price, qty, instrument.makerFeeRate()));
            }
        }
    }
}
