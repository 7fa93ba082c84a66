package org.mmwinter.engine.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.RemoteEngine;
import org.mmwinter.engine.pipeline.RemoteLink;
import org.mmwinter.engine.state.EngineState;

/**
 * The cluster as the matching core of a gateway process ({@link EnginePipeline#inFrontOf}): the commands of every
 * publication of the process go to the leader under one sender id, numbered 1, 2, 3, ... across the life of that id
 * (the cluster applies each number once and tells, in a sync, the last one it applied), and the results that come
 * back are given their publication's source id and correlation id again.
 * <p>
 * Exactly once across a leader change: {@code AeronCluster} follows the new leader, and this forwarder then syncs
 * ({@link ClusterProtocol#SYNC}) before sending anything more. The answer holds the results of commands after the
 * last one it had read (the new leader keeps a history of them), which are delivered, skipping what had arrived
 * already, and the last number the log applied from this sender: what was sent after it died with the old leader
 * and is sent again, in order; nothing before it is. The same sync at start-up gives the directory (instruments and
 * accounts, so ids agree with the cluster's) and the number to go on from, so a restarted gateway never reuses one.
 * <p>
 * No leader: while sent commands go unanswered for {@link ClusterClient#NO_ACK_TIMEOUT_NS}, or the session has no
 * leader to send to, new commands are answered here at once with {@link RejectReason#NO_LEADER} instead of being
 * taken; those already sent wait for a leader and are answered, or sent again, when one is elected. A session that
 * {@code AeronCluster} gave up on, or that has heard nothing for {@link #STALE_SESSION_NS}, is replaced by a new
 * connection, tried every {@link #RECONNECT_INTERVAL_NS}.
 * <p>
 * Sender ids must differ between gateways in front of one cluster. The directory gives a new account or instrument
 * its id here, at once; the cluster accepts it only if the id is its next one. So nothing this gateway takes after a
 * definition is sent before the cluster has accepted the definition (a round trip per new name), and a definition
 * the cluster refuses (another gateway gave that id to another name first) stops this process (fail-stop) before any
 * command could use the id for the wrong name. Gateways that create names on first use should therefore not run
 * side by side; accounts and instruments defined before a gateway starts are learnt in its sync.
 */
public final class ClusterForwarder implements RemoteEngine, ClusterClient.Listener
{
    /**
     * Commands taken and not yet answered, at most (8 messages of 256 in flight, the rest waiting to go): more wait in
     * the inbound ring.
     */
    public static final int IN_FLIGHT = 1 << 13;
    /** How long start-up waits for the cluster to answer its sync. */
    public static final long SYNC_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    static final long RECONNECT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /** Waiting this long for any answer (longer than a failover takes) gives the session up for a new one. */
    static final long STALE_SESSION_NS = TimeUnit.SECONDS.toNanos(4);
    /** A sync whose answer has not ended this long after it was sent is asked again. */
    static final long SYNC_RETRY_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long KEEP_ALIVE_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int MASK = IN_FLIGHT - 1;
    /** Commands per log message, at most. */
    private static final int MAX_BATCH = 256;
    /**
     * Log messages sent and not yet answered, at most: while they are out, commands gather in the inbound ring and go
     * in the next message together. A light load then pays one round trip per command, a heavy one shares each
     * round trip among up to {@link #MAX_BATCH}; the cluster's cost is per message far more than per command.
     */
    static final int MAX_MESSAGES_IN_FLIGHT = 8;
    private static final int POLL_LIMIT = 1024;
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long NONE = -1;

    private static final int LIVE = 0;
    /** A sync is asked: results are dropped until its answer begins (the answer's history holds them). */
    private static final int AWAIT_ANSWER = 1;
    /** Inside a sync's answer: its history is delivered, what arrived before skipped. */
    private static final int IN_ANSWER = 2;

    private final ClusterMembers members;
    private final Path aeronDir;
    private final String host;
    private final int senderId;
    private final long maxParkNs;
    private final CommandEvent[] sent = new CommandEvent[IN_FLIGHT];
    private final int[] localSource = new int[IN_FLIGHT];
    private final long[] localCorrelation = new long[IN_FLIGHT];
    private final RemoteLink.CommandHandler taker = this::take;
    private final RemoteLink.CommandHandler refuser = this::refuse;
    /** The last command number of each message in flight, oldest at {@link #messagesAnswered}. */
    private final long[] messageLast = new long[MAX_MESSAGES_IN_FLIGHT];
    private long messagesSent;
    /** Definitions taken and not yet answered, and where the oldest of them was last seen. */
    private int definitionsOut;
    private long oldestDefinition = NONE;
    private long messagesAnswered;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong refusedNoLeader = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong resultsLost = new AtomicLong();
    private final AtomicLong leaderChanges = new AtomicLong();
    private final AtomicLong gapsSynced = new AtomicLong();
    private final AtomicLong sessionsAbandoned = new AtomicLong();
    private volatile boolean noLeader;

    private ClusterClient client;
    private RemoteLink link;
    private EngineState definitions;
    /** The next number to give, the oldest not answered, the oldest not yet sent. */
    private long nextNumber = 1;
    private long firstUnanswered = 1;
    private long firstUnsent = 1;
    private int syncState = AWAIT_ANSWER;
    private boolean syncToSend;
    private long syncAfter = ClusterProtocol.NO_HISTORY;
    /** The highest command sequence whose results were read, and how many of its results were. */
    private long lastSequence;
    /** The highest command sequence whose DONE was read: every sequence up to it was read whole. */
    private long lastDone;
    private long syncAskedNs = NO_TIME;
    private int resultsAtLast;
    private int skipAtLast;
    private boolean progressed;
    private long waitingSinceNs = NO_TIME;
    private long lastOfferNs;
    private long nextConnectNs;

    /**
     * @param aeronDir the client's media driver directory (its own, deleted on close).
     * @param host     this machine's address as the members reach it.
     * @param senderId this gateway's id, unique among the gateways in front of the cluster (a positive number).
     */
    public ClusterForwarder(final ClusterMembers members, final Path aeronDir, final String host, final int senderId)
    {
        this(members, aeronDir, host, senderId, ClusterNode.DEFAULT_MAX_PARK_NS);
    }

    /**
     * As {@link #ClusterForwarder(ClusterMembers, Path, String, int)}, its media driver idling by parks of up to
     * {@code maxParkNs} ({@link ClusterNode#idleStrategy(long)}).
     */
    public ClusterForwarder(final ClusterMembers members, final Path aeronDir, final String host, final int senderId,
        final long maxParkNs)
    {
        if (senderId <= 0 || senderId >= EnginePipeline.FIRST_PARTICIPANT_SOURCE_ID)
        {
            throw new IllegalArgumentException("gateway id must be between 1 and " +
                (EnginePipeline.FIRST_PARTICIPANT_SOURCE_ID - 1) + ": " + senderId);
        }
        this.members = members;
        this.aeronDir = aeronDir;
        this.host = host;
        this.senderId = senderId;
        this.maxParkNs = maxParkNs;
        for (int i = 0; i < IN_FLIGHT; i++)
        {
            sent[i] = new CommandEvent();
        }
    }

    public void connect(final EngineState definitions)
    {
        client = ClusterClient.connect(members, aeronDir, host, this, maxParkNs);
        this.definitions = definitions;
        try
        {
            final long deadline = System.nanoTime() + SYNC_TIMEOUT_NS;
            syncToSend = true;
            while (syncState != LIVE)
            {
                if (syncToSend && client.sync(senderId, ClusterProtocol.NO_HISTORY) > 0)
                {
                    syncToSend = false;
                }
                if (client.poll() == 0)
                {
                    Thread.onSpinWait();
                }
                if (System.nanoTime() > deadline || client.isClosed())
                {
                    throw new IllegalStateException("the cluster (" + members + ") did not answer this gateway's " +
                        "sync within " + TimeUnit.NANOSECONDS.toSeconds(SYNC_TIMEOUT_NS) + " s" +
                        (client.isClosed() ? ": the session was closed" : ": no leader takes commands?"));
                }
            }
        }
        catch (final RuntimeException ex)
        {
            client.close();
            throw ex;
        }
        finally
        {
            this.definitions = null;
        }
    }

    public int doWork(final RemoteLink link, final long nowNs)
    {
        this.link = link;
        int work = 0;
        if (client.isClosed())
        {
            work += reconnect(nowNs);
        }
        else
        {
            work += client.poll();
            if (syncState != LIVE && !syncToSend && syncAskedNs != NO_TIME && nowNs - syncAskedNs > SYNC_RETRY_NS)
            {
                // The answer, or part of it, was dropped for this session: ask again.
                askSync();
            }
            if (syncToSend && client.sync(senderId, syncAfter) > 0)
            {
                syncToSend = false;
                syncAskedNs = nowNs;
            }
            if (syncState == LIVE)
            {
                work += send(nowNs);
                if (!noLeader)
                {
                    work += link.pollCommands(taker, IN_FLIGHT - (int)(nextNumber - firstUnanswered));
                    work += send(nowNs);
                }
            }
            if (nowNs - lastOfferNs > KEEP_ALIVE_NS && client.sendKeepAlive())
            {
                lastOfferNs = nowNs;
            }
        }
        updateLeaderStatus(nowNs);
        if (noLeader && !client.isClosed() && waitingSinceNs != NO_TIME && nowNs - waitingSinceNs > STALE_SESSION_NS)
        {
            // A leader elected while this session could not reach it may never tell it so: AeronCluster would
            // wait out its message timeout first. A new session finds the leader at once; the sync after it says
            // what to send again.
            client.abandonSession();
            sessionsAbandoned.incrementAndGet();
            waitingSinceNs = nowNs;
        }
        if (noLeader)
        {
            work += link.pollCommands(refuser, POLL_LIMIT);
        }
        inFlight.lazySet(nextNumber - firstUnanswered);
        return work;
    }

    public long inFlight()
    {
        return inFlight.get();
    }

    public String describe()
    {
        return "cluster " + members + " as gateway " + senderId;
    }

    /** Its counters, for a status line: {@code leader_changes=N gaps_synced=N ...}; any thread. */
    public String counters()
    {
        return "leader_changes=" + leaderChanges.get() + " gaps_synced=" + gapsSynced.get() + " sessions_abandoned=" +
            sessionsAbandoned.get() + " resent=" + resent.get() + " refused_no_leader=" + refusedNoLeader.get() +
            " results_lost=" + resultsLost.get();
    }

    /** Whether new commands are refused for want of a leader; any thread. */
    public boolean noLeader()
    {
        return noLeader;
    }

    /** Commands refused with {@link RejectReason#NO_LEADER}; any thread. */
    public long refusedNoLeader()
    {
        return refusedNoLeader.get();
    }

    /** Commands sent again after a leader change (the old leader had not committed them); any thread. */
    public long resent()
    {
        return resent.get();
    }

    /** Results a sync could not give back (the new leader no longer held them); any thread. */
    public long resultsLost()
    {
        return resultsLost.get();
    }

    /** Syncs asked because a message of results was missing (dropped for this session); any thread. */
    public long gapsSynced()
    {
        return gapsSynced.get();
    }

    /** Sessions given up for new ones after {@link #STALE_SESSION_NS} without an answer; any thread. */
    public long sessionsAbandoned()
    {
        return sessionsAbandoned.get();
    }

    /** Leader changes followed; any thread. */
    public long leaderChanges()
    {
        return leaderChanges.get();
    }

    public void close()
    {
        if (client != null)
        {
            client.close();
        }
    }

    public void onResult(final ResultEvent result)
    {
        if (syncState == AWAIT_ANSWER || link == null)
        {
            return;
        }
        final long sequence = result.commandSequence;
        if (sequence != ClusterEgress.ALREADY_APPLIED)
        {
            if (sequence > lastDone + 1)
            {
                // Every command's results end with its DONE and reach every session: a jump means a message was
                // dropped for this session (it lagged, or a leader changed). The history has it.
                gapsSynced.incrementAndGet();
                askSync();
                return;
            }
            if (sequence < lastSequence)
            {
                return;
            }
            if (sequence == lastSequence)
            {
                if (skipAtLast > 0)
                {
                    skipAtLast--;
                    return;
                }
                resultsAtLast++;
            }
            else
            {
                lastSequence = sequence;
                resultsAtLast = 1;
                skipAtLast = 0;
            }
            if (result.type == ResultType.DONE)
            {
                lastDone = sequence;
            }
        }
        final long number = result.correlationId;
        if (result.sourceId == senderId && number >= firstUnanswered && number < nextNumber)
        {
            final int index = (int)(number & MASK);
            result.sourceId = localSource[index];
            result.correlationId = localCorrelation[index];
            if (result.type == ResultType.DONE)
            {
                if (isDefinition(sent[index], localSource[index]))
                {
                    if (result.rejectReason != RejectReason.NONE)
                    {
                        // Nothing sent after it: no command of this gateway used the id the cluster gave another.
                        throw new IllegalStateException("the cluster refused this gateway's definition (" +
                            describeDefinition(sent[index]) + ": " + RejectReason.describe(result.rejectReason) +
                            "): another gateway gave that id to another name, so this gateway's ids no longer " +
                            "match the cluster's; restart it to learn the cluster's definitions");
                    }
                    definitionsOut--;
                }
                firstUnanswered = number + 1;
                firstUnsent = Math.max(firstUnsent, firstUnanswered);
                answeredUpTo(number);
                progressed = true;
            }
        }
        else if (result.sourceId == senderId && result.commandSequence == ClusterEgress.ALREADY_APPLIED)
        {
            // Answers a re-send already answered through the sync's history.
            return;
        }
        else
        {
            result.sourceId = FOREIGN_SOURCE_ID;
            result.correlationId = 0;
        }
        link.publish(result);
    }

    public void onSyncAnswer()
    {
        if (syncState == AWAIT_ANSWER)
        {
            syncState = IN_ANSWER;
            skipAtLast = resultsAtLast;
        }
    }

    public void onDefinition(final CommandEvent definition)
    {
        if (definitions != null && syncState == IN_ANSWER)
        {
            definitions.apply(definition);
        }
    }

    public void onSynced(final long lastApplied, final long missingUpTo, final long sequence)
    {
        if (syncState != IN_ANSWER)
        {
            return;
        }
        if (definitions != null)
        {
            nextNumber = lastApplied + 1;
            firstUnanswered = nextNumber;
            firstUnsent = nextNumber;
            lastSequence = sequence;
            lastDone = sequence;
            resultsAtLast = 0;
            syncState = LIVE;
            return;
        }
        if (missingUpTo > 0)
        {
            resultsLost.incrementAndGet();
            System.err.println("gateway: the new leader no longer holds the results of commands " + syncAfter +
                " to " + missingUpTo + " (it started from a snapshot after them); reports of those are lost");
        }
        // Applied by the log, but their results are among the lost: answered here, without a reject reason.
        while (firstUnanswered <= lastApplied && firstUnanswered < nextNumber)
        {
            final int index = (int)(firstUnanswered & MASK);
            final CommandEvent command = sent[index];
            final int sender = command.sourceId;
            final long number = command.correlationId;
            command.sourceId = localSource[index];
            command.correlationId = localCorrelation[index];
            link.answer(command, RejectReason.NONE);
            command.sourceId = sender;
            command.correlationId = number;
            firstUnanswered++;
        }
        resent.addAndGet(nextNumber - firstUnanswered);
        firstUnsent = firstUnanswered;
        messagesAnswered = messagesSent;
        progressed = true;
        syncState = LIVE;
    }

    public void onNewLeader(final int leaderMemberId)
    {
        leaderChanges.incrementAndGet();
        askSync();
    }

    private void askSync()
    {
        syncState = AWAIT_ANSWER;
        syncAfter = lastDone;
        syncToSend = true;
        syncAskedNs = NO_TIME;
    }

    private int reconnect(final long nowNs)
    {
        if (nowNs < nextConnectNs)
        {
            return 0;
        }
        if (client.reconnect())
        {
            leaderChanges.incrementAndGet();
            askSync();
            return 1;
        }
        if (client.connectError() != null)
        {
            nextConnectNs = nowNs + RECONNECT_INTERVAL_NS;
            System.err.println("gateway: cannot reach a cluster leader (" + client.connectError() +
                "); trying again");
        }
        return 0;
    }

    private int send(final long nowNs)
    {
        int work = 0;
        while (firstUnsent < nextNumber && messagesSent - messagesAnswered < MAX_MESSAGES_IN_FLIGHT)
        {
            // No command after a definition goes before the cluster accepted the definition (see the class comment);
            // definitions themselves may go together.
            final long definition = firstUnansweredDefinition();
            long end = Math.min(nextNumber, firstUnsent + MAX_BATCH);
            if (definition != NONE)
            {
                long sendable = firstUnsent;
                while (sendable < end && (sendable < definition ||
                    isDefinition(sent[(int)(sendable & MASK)], localSource[(int)(sendable & MASK)])))
                {
                    sendable++;
                }
                end = sendable;
            }
            if (end == firstUnsent)
            {
                break;
            }
            final int count = (int)(end - firstUnsent);
            if (client.offer(sent, MASK, firstUnsent, count) <= 0)
            {
                break;
            }
            firstUnsent += count;
            messageLast[(int)(messagesSent++ % MAX_MESSAGES_IN_FLIGHT)] = firstUnsent - 1;
            lastOfferNs = nowNs;
            work += count;
        }
        return work;
    }

    /** Messages whose last command is answered are no longer in flight. */
    private void answeredUpTo(final long number)
    {
        while (messagesAnswered < messagesSent &&
            messageLast[(int)(messagesAnswered % MAX_MESSAGES_IN_FLIGHT)] <= number)
        {
            messagesAnswered++;
        }
    }

    /**
     * The number of the oldest definition taken and not yet answered, or {@link #NONE}: found by a walk from the
     * oldest unanswered command only while {@link #definitionsOut} says there is one (definitions are rare).
     */
    private long firstUnansweredDefinition()
    {
        if (definitionsOut == 0)
        {
            return NONE;
        }
        if (oldestDefinition >= firstUnanswered && oldestDefinition < nextNumber &&
            isDefinition(sent[(int)(oldestDefinition & MASK)], localSource[(int)(oldestDefinition & MASK)]))
        {
            return oldestDefinition;
        }
        for (long number = firstUnanswered; number < nextNumber; number++)
        {
            final int index = (int)(number & MASK);
            if (isDefinition(sent[index], localSource[index]))
            {
                oldestDefinition = number;
                return number;
            }
        }
        definitionsOut = 0;
        return NONE;
    }

    private static String describeDefinition(final CommandEvent command)
    {
        return command.type == CommandType.REGISTER_ACCOUNT ?
            "account " + command.name() + " as id " + command.accountId :
            "instrument " + command.name() + " as id " + command.instrumentId;
    }

    private static boolean isDefinition(final CommandEvent command, final int localSource)
    {
        return localSource == EnginePipeline.ENGINE_SOURCE_ID &&
            (command.type == CommandType.ADD_INSTRUMENT || command.type == CommandType.REGISTER_ACCOUNT);
    }

    private void take(final CommandEvent command)
    {
        final int index = (int)(nextNumber & MASK);
        if (isDefinition(command, command.sourceId))
        {
            definitionsOut++;
        }
        final CommandEvent copy = sent[index].copyFrom(command);
        localSource[index] = command.sourceId;
        localCorrelation[index] = command.correlationId;
        copy.sourceId = senderId;
        copy.correlationId = nextNumber;
        nextNumber++;
    }

    private void refuse(final CommandEvent command)
    {
        if (command.sourceId == EnginePipeline.ENGINE_SOURCE_ID)
        {
            // The directory's definitions are given their ids when offered, not when answered: one refused here would
            // leave the next id to mean something else here than on the cluster. They wait for a leader instead.
            if (nextNumber - firstUnanswered >= IN_FLIGHT)
            {
                throw new IllegalStateException("no cluster leader and " + IN_FLIGHT + " commands waiting for one: " +
                    "a definition (command " + command.type + ") can be neither sent nor refused");
            }
            take(command);
            return;
        }
        refusedNoLeader.lazySet(refusedNoLeader.get() + 1);
        link.answer(command, RejectReason.NO_LEADER);
    }

    /**
     * No leader: the session is closed ({@code AeronCluster} gave up), or for {@link ClusterClient#NO_ACK_TIMEOUT_NS}
     * this gateway has been waiting (for a DONE of a command sent, a sync's answer, or an ingress to a leader at all)
     * without any answer. A fresh ingress to a new leader takes a few milliseconds to connect: not a reason to refuse.
     */
    private void updateLeaderStatus(final long nowNs)
    {
        if (progressed)
        {
            progressed = false;
            waitingSinceNs = NO_TIME;
        }
        if (client.isClosed())
        {
            noLeader = true;
            return;
        }
        final boolean waiting = nextNumber > firstUnanswered || syncState != LIVE || !client.isConnected();
        if (!waiting)
        {
            waitingSinceNs = NO_TIME;
            noLeader = false;
            return;
        }
        if (waitingSinceNs == NO_TIME)
        {
            waitingSinceNs = nowNs;
        }
        noLeader = nowNs - waitingSinceNs >= ClusterClient.NO_ACK_TIMEOUT_NS;
    }
}
