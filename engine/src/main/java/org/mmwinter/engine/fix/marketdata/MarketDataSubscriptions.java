package org.mmwinter.engine.fix.marketdata;

import java.util.ArrayList;
import java.util.Arrays;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.flow.InstrumentLookup;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.ParticipantListener;
import quickfix.SessionID;

/**
 * Every FIX market-data subscription and the books that feed them, on one thread: it reads the market-data
 * participant's stream (level changes, trades, the answers to its BOOK_SNAPSHOT commands), keeps one aggregated
 * book per instrument someone asked for, and turns each engine command's changes into one incremental refresh per
 * subscription. A subscriber's copy of the book is never silently wrong: when the engine dropped updates for the
 * participant ({@link ExecutionReport#gap}) every book is fetched again and every subscriber sent a new snapshot
 * before any more updates; when the {@link FixSender} refuses a message, that subscription is sent a snapshot as
 * soon as one is accepted, before any more updates.
 * <p>
 * Everything here follows from the order of the participant's stream and of the requests; it reads no clock.
 */
final class MarketDataSubscriptions implements ParticipantListener
{
    /** {@link #stoppedReason} while the participant is connected. */
    static final String RUNNING = "";

    private static final long NO_COMMAND = -1;

    private final InstrumentLookup instruments;
    private final BookSnapshots snapshots;
    private final FixSender sender;
    private InstrumentFeed[] feeds = new InstrumentFeed[16];
    private final ArrayList<InstrumentFeed> tracked = new ArrayList<>();
    private final ArrayList<Subscription> subscriptions = new ArrayList<>();
    private final ArrayList<Subscription> dirty = new ArrayList<>();
    private long batchCommand = NO_COMMAND;
    private String stoppedReason = RUNNING;
    private long gaps;
    private long refusals;
    private long snapshotsRequested;

    MarketDataSubscriptions(final InstrumentLookup instruments, final BookSnapshots snapshots, final FixSender sender)
    {
        this.instruments = instruments;
        this.snapshots = snapshots;
        this.sender = sender;
    }

    int subscriptionCount()
    {
        return subscriptions.size();
    }

    /** Times the engine said it dropped updates for the participant (each one resynchronises every book). */
    long gaps()
    {
        return gaps;
    }

    /** Messages the {@link FixSender} refused. */
    long refusals()
    {
        return refusals;
    }

    /** BOOK_SNAPSHOT commands the engine took. */
    long snapshotsRequested()
    {
        return snapshotsRequested;
    }

    /** Why market data stopped, or {@link #RUNNING}. */
    String stoppedReason()
    {
        return stoppedReason;
    }

    /**
     * A request, in the order the sessions sent them: refusals are answered with a reject (Y); a new
     * subscription is sent its snapshot now if its book is in step with the engine, else once it is.
     */
    void onRequest(final SubscriptionRequest request)
    {
        if (request.kind == SubscriptionRequest.SESSION_GONE)
        {
            endSession(request.session);
            return;
        }
        if (!stoppedReason.equals(RUNNING))
        {
            reject(request.session, request.requestId, SubscriptionRequest.NO_REASON_CODE,
                "market data stopped: " + stoppedReason);
            return;
        }
        if (request.isRejected())
        {
            reject(request.session, request.requestId, request.rejectReason, request.rejectText);
            return;
        }
        if (request.kind == SubscriptionRequest.UNSUBSCRIBE)
        {
            if (endRequest(request.session, request.requestId) == 0)
            {
                reject(request.session, request.requestId, SubscriptionRequest.NO_REASON_CODE,
                    "no subscription has MDReqID " + request.requestId);
            }
            return;
        }
        if (hasRequest(request.session, request.requestId))
        {
            reject(request.session, request.requestId, SubscriptionRequest.DUPLICATE_REQUEST_ID,
                "MDReqID " + request.requestId + " is already subscribed");
            return;
        }
        for (int i = 0; i < request.instrumentIds.length; i++)
        {
            final Subscription subscription = new Subscription(request, i);
            final InstrumentFeed feed = track(subscription.instrumentId);
            subscriptions.add(subscription);
            feed.subscriptions.add(subscription);
            if (feed.state == InstrumentFeed.SYNCED)
            {
                sendSnapshot(feed, subscription);
            }
        }
    }

    /**
     * Offers the BOOK_SNAPSHOT commands that are wanted, until the inbound ring refuses one.
     *
     * @return how many were taken.
     */
    int requestSnapshots()
    {
        int taken = 0;
        for (int i = 0; i < tracked.size(); i++)
        {
            final InstrumentFeed feed = tracked.get(i);
            if (!feed.snapshotWanted)
            {
                continue;
            }
            final long correlation = feed.nextSnapshotCorrelation();
            if (!snapshots.request(feed.instrument.id(), correlation))
            {
                break;
            }
            feed.requestedSnapshot = correlation;
            feed.snapshotWanted = false;
            snapshotsRequested++;
            taken++;
        }
        return taken;
    }

    /**
     * Sends each subscription whose last message was refused a fresh snapshot, if it can take one now (also tried
     * whenever its instrument changes).
     *
     * @return how many were sent.
     */
    int retryStale()
    {
        int sent = 0;
        for (int i = subscriptions.size() - 1; i >= 0; i--)
        {
            final Subscription subscription = subscriptions.get(i);
            final InstrumentFeed feed = feeds[subscription.instrumentId];
            if (subscription.state == Subscription.STALE && feed.state == InstrumentFeed.SYNCED &&
                sendSnapshot(feed, subscription))
            {
                sent++;
            }
        }
        return sent;
    }

    /** Sends what the updates read so far amount to: call when a poll of the participant ends. */
    void endOfBatch()
    {
        flush();
    }

    public void onReport(final ExecutionReport report)
    {
        final long correlation = report.commandCorrelationId;
        if (correlation == ExecutionReport.NO_CORRELATION)
        {
            return;
        }
        final InstrumentFeed feed = feed(InstrumentFeed.instrumentOf(correlation));
        if (feed == null)
        {
            return;
        }
        if (report.type == ResultType.REJECTED && correlation == feed.requestedSnapshot)
        {
            untrackUnknown(feed);
        }
        else if (report.type == ResultType.DONE && correlation == feed.answerInProgress)
        {
            feed.answerInProgress = InstrumentFeed.NO_SNAPSHOT;
            if (correlation == feed.requestedSnapshot && !feed.snapshotWanted &&
                feed.state == InstrumentFeed.SYNCING)
            {
                onBookInStep(feed);
            }
        }
    }

    public void onMarketData(final ExecutionReport update)
    {
        switch (update.type)
        {
            case ResultType.LEVEL:
            case ResultType.TRADE:
                onUpdate(update);
                break;

            case ResultType.BOOK_LEVEL:
            {
                final InstrumentFeed feed = answerFeed(update.commandCorrelationId);
                if (feed != null)
                {
                    feed.book.apply(update.side, update.price, update.qty, update.orderCount);
                }
                break;
            }

            case ResultType.STATUS:
                // The head of a BOOK_SNAPSHOT answer carries its correlation id; a public status does not.
                if (update.commandCorrelationId != ExecutionReport.NO_CORRELATION)
                {
                    answerFeed(update.commandCorrelationId);
                }
                break;

            default:
                break;
        }
    }

    /**
     * The engine stopped delivering (it stopped, or the participant fell a whole queue behind): every
     * subscription is ended with a reject that says why, and later requests are refused.
     */
    public void onDisconnected(final String reason)
    {
        flush();
        stoppedReason = reason;
        for (int i = subscriptions.size() - 1; i >= 0; i--)
        {
            final Subscription subscription = subscriptions.get(i);
            reject(subscription.session, subscription.requestId, SubscriptionRequest.NO_REASON_CODE,
                "market data stopped: " + reason);
            end(subscription);
        }
    }

    private void onUpdate(final ExecutionReport update)
    {
        if (update.gap)
        {
            resynchronise();
        }
        final InstrumentFeed feed = feed(update.instrumentId);
        if (feed == null || feed.state == InstrumentFeed.UNTRACKED)
        {
            return;
        }
        if (update.commandSequence != batchCommand)
        {
            flush();
            batchCommand = update.commandSequence;
        }
        if (update.type == ResultType.TRADE)
        {
            if (feed.state == InstrumentFeed.SYNCED)
            {
                fanOutTrade(feed, update.price, update.qty);
            }
            return;
        }
        final int action = feed.book.apply(update.side, update.price, update.qty, update.orderCount);
        if (action != LevelBook.NO_CHANGE && feed.state == InstrumentFeed.SYNCED)
        {
            fanOutLevel(feed, update.side, action, update.price, update.qty, update.orderCount);
        }
    }

    /**
     * Queues one level change for every live subscription to that side. A subscription to the top N levels sees
     * a change inside them, and the level pushed out (deleted) or pulled in (new) when the change moves the N-th.
     */
    private void fanOutLevel(
        final InstrumentFeed feed,
        final int side,
        final int action,
        final long price,
        final long quantity,
        final int orderCount)
    {
        final LevelLadder ladder = feed.book.side(side);
        final int index = ladder.lastIndex();
        final int entryType = side == Side.BUY ? EntryBatch.BID : EntryBatch.OFFER;
        final ArrayList<Subscription> list = feed.subscriptions;
        for (int i = 0; i < list.size(); i++)
        {
            final Subscription subscription = list.get(i);
            if (!subscription.updates || !subscription.wantsSide(side) || !needsUpdate(subscription))
            {
                continue;
            }
            final int depth = subscription.depth;
            final EntryBatch pending = subscription.pending;
            if (depth == SubscriptionRequest.FULL_BOOK)
            {
                pending.add(entryType, action, price, quantity, orderCount);
            }
            else if (index < depth)
            {
                if (action == LevelBook.NEW && ladder.size() > depth)
                {
                    pending.add(entryType, LevelBook.DELETE, ladder.price(depth), 0, 0);
                }
                pending.add(entryType, action, price, quantity, orderCount);
                if (action == LevelBook.DELETE && ladder.size() >= depth)
                {
                    final int entering = depth - 1;
                    pending.add(entryType, LevelBook.NEW, ladder.price(entering), ladder.quantity(entering),
                        ladder.orderCount(entering));
                }
            }
            else
            {
                continue;
            }
            markDirty(subscription);
        }
    }

    private void fanOutTrade(final InstrumentFeed feed, final long price, final long quantity)
    {
        final ArrayList<Subscription> list = feed.subscriptions;
        for (int i = 0; i < list.size(); i++)
        {
            final Subscription subscription = list.get(i);
            if (subscription.updates && subscription.trades && needsUpdate(subscription))
            {
                subscription.pending.add(EntryBatch.TRADE, LevelBook.NEW, price, quantity, 0);
                markDirty(subscription);
            }
        }
    }

    /**
     * Whether an update is for this subscription now: a live one takes it; a stale one is instead flushed, which
     * tries a snapshot again (the book then includes this update); one awaiting its book takes nothing.
     */
    private boolean needsUpdate(final Subscription subscription)
    {
        if (subscription.state == Subscription.STALE)
        {
            markDirty(subscription);
            return false;
        }
        return subscription.state == Subscription.LIVE;
    }

    private void markDirty(final Subscription subscription)
    {
        if (!subscription.dirty)
        {
            subscription.dirty = true;
            dirty.add(subscription);
        }
    }

    /** One incremental refresh per subscription with entries; a snapshot attempt per stale one. */
    private void flush()
    {
        final ArrayList<Subscription> list = dirty;
        for (int i = 0; i < list.size(); i++)
        {
            final Subscription subscription = list.get(i);
            subscription.dirty = false;
            if (subscription.ended)
            {
                continue;
            }
            final InstrumentFeed feed = feeds[subscription.instrumentId];
            if (subscription.state == Subscription.STALE)
            {
                sendSnapshot(feed, subscription);
            }
            else if (subscription.state == Subscription.LIVE && subscription.pending.size() > 0)
            {
                if (!sender.send(MarketDataEncoder.incremental(subscription, feed.instrument), subscription.session))
                {
                    refusals++;
                    subscription.state = Subscription.STALE;
                }
                subscription.pending.clear();
            }
        }
        list.clear();
    }

    /**
     * @return whether the session took it; if not, the subscription is stale and tried again later.
     */
    private boolean sendSnapshot(final InstrumentFeed feed, final Subscription subscription)
    {
        subscription.pending.clear();
        if (sender.send(MarketDataEncoder.snapshot(subscription, feed.book, feed.instrument), subscription.session))
        {
            if (subscription.updates)
            {
                subscription.state = Subscription.LIVE;
            }
            else
            {
                end(subscription);
            }
            return true;
        }
        refusals++;
        subscription.state = Subscription.STALE;
        return false;
    }

    /** The answer to the latest BOOK_SNAPSHOT is complete: every subscription waiting for the book gets it. */
    private void onBookInStep(final InstrumentFeed feed)
    {
        feed.state = InstrumentFeed.SYNCED;
        final ArrayList<Subscription> list = feed.subscriptions;
        for (int i = list.size() - 1; i >= 0; i--)
        {
            final Subscription subscription = list.get(i);
            if (subscription.state == Subscription.AWAITING_BOOK)
            {
                sendSnapshot(feed, subscription);
            }
        }
    }

    /**
     * Updates were dropped for the participant (of any instrument): every tracked book is fetched again and its
     * subscribers wait for a fresh snapshot; what they had pending is discarded, the snapshot supersedes it.
     */
    private void resynchronise()
    {
        gaps++;
        for (int i = tracked.size() - 1; i >= 0; i--)
        {
            final InstrumentFeed feed = tracked.get(i);
            if (feed.subscriptions.isEmpty())
            {
                feed.state = InstrumentFeed.UNTRACKED;
                feed.snapshotWanted = false;
                tracked.remove(i);
                continue;
            }
            feed.state = InstrumentFeed.SYNCING;
            feed.snapshotWanted = true;
            final ArrayList<Subscription> list = feed.subscriptions;
            for (int j = 0; j < list.size(); j++)
            {
                list.get(j).state = Subscription.AWAITING_BOOK;
                list.get(j).pending.clear();
            }
        }
    }

    private InstrumentFeed track(final int instrumentId)
    {
        if (instrumentId >= feeds.length)
        {
            feeds = Arrays.copyOf(feeds, Math.max(instrumentId + 1, feeds.length * 2));
        }
        InstrumentFeed feed = feeds[instrumentId];
        if (feed == null)
        {
            final Instrument instrument = instruments.instrument(instrumentId);
            feed = new InstrumentFeed(instrument);
            feeds[instrumentId] = feed;
        }
        if (feed.state == InstrumentFeed.UNTRACKED)
        {
            feed.state = InstrumentFeed.SYNCING;
            feed.snapshotWanted = true;
            feed.book.clear();
            tracked.add(feed);
        }
        return feed;
    }

    private InstrumentFeed feed(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < feeds.length ? feeds[instrumentId] : null;
    }

    /**
     * The feed a BOOK_SNAPSHOT answer is for; its first item clears the book, which the answer's levels rebuild.
     */
    private InstrumentFeed answerFeed(final long correlation)
    {
        final InstrumentFeed feed = feed(InstrumentFeed.instrumentOf(correlation));
        if (feed == null || feed.state != InstrumentFeed.SYNCING)
        {
            return null;
        }
        if (feed.answerInProgress != correlation)
        {
            feed.answerInProgress = correlation;
            feed.book.clear();
        }
        return feed;
    }

    /** The engine refused the BOOK_SNAPSHOT: it does not know the instrument, so nobody can subscribe to it. */
    private void untrackUnknown(final InstrumentFeed feed)
    {
        final ArrayList<Subscription> list = feed.subscriptions;
        for (int i = list.size() - 1; i >= 0; i--)
        {
            final Subscription subscription = list.get(i);
            reject(subscription.session, subscription.requestId, SubscriptionRequest.UNKNOWN_SYMBOL,
                "the engine does not know symbol " + subscription.symbol);
            end(subscription);
        }
        feed.state = InstrumentFeed.UNTRACKED;
        feed.snapshotWanted = false;
        tracked.remove(feed);
    }

    private void end(final Subscription subscription)
    {
        subscription.ended = true;
        subscriptions.remove(subscription);
        feeds[subscription.instrumentId].subscriptions.remove(subscription);
    }

    private void endSession(final SessionID session)
    {
        for (int i = subscriptions.size() - 1; i >= 0; i--)
        {
            final Subscription subscription = subscriptions.get(i);
            if (subscription.session.equals(session))
            {
                end(subscription);
            }
        }
    }

    private int endRequest(final SessionID session, final String requestId)
    {
        int ended = 0;
        for (int i = subscriptions.size() - 1; i >= 0; i--)
        {
            final Subscription subscription = subscriptions.get(i);
            if (subscription.isFor(session, requestId))
            {
                end(subscription);
                ended++;
            }
        }
        return ended;
    }

    private boolean hasRequest(final SessionID session, final String requestId)
    {
        for (int i = 0; i < subscriptions.size(); i++)
        {
            if (subscriptions.get(i).isFor(session, requestId))
            {
                return true;
            }
        }
        return false;
    }

    private void reject(final SessionID session, final String requestId, final int reason, final String text)
    {
        if (!sender.send(MarketDataEncoder.reject(requestId, reason, text), session))
        {
            refusals++;
        }
    }
}
