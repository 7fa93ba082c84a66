package org.mmwinter.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.aeron.Publication;
import org.agrona.concurrent.IdleStrategy;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.flow.FlowGenerator;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.OfflineMatcher;

/**
 * A seeded flow sent to the cluster and what came back: the generator's instruments and accounts as definition
 * commands (source id {@link #DEFINITIONS}), then its order flow (source {@link #ORDERS}), each command's
 * correlation id its index + 1, which rises per source as the cluster's de-duplication asks. A DONE acknowledges a
 * command and
 * tells the sequence and engine time the cluster gave it, which is all a single-process reference needs to apply
 * the acknowledged commands in the cluster's order ({@link #reference}).
 */
final class ClusterFlow implements ClusterClient.Listener
{
    static final long NOT_ACKED = -1;
    static final int ORDERS = 0;
    static final int DEFINITIONS = 1;

    private final List<CommandEvent> commands = new ArrayList<>();
    private final long[] sequence;
    private final long[] nowNs;
    private final int[] rejectReason;
    /** Acknowledged as applied before (a re-send of a command whose DONE was lost with a leader). */
    private final boolean[] alreadyApplied;
    private int alreadyAppliedAcks;
    private int repeatsRefused;
    private int acked;
    /** The first command of the last {@link #send}, and how many from there on are acknowledged. */
    private int mark;
    private int ackedSinceMark;
    private int ackedTwice;
    private long results;

    ClusterFlow(final long seed, final int orders)
    {
        final FlowGenerator generator = new FlowGenerator(seed);
        for (final Instrument instrument : generator.instruments())
        {
            commands.add(new CommandEvent().setAddInstrument(instrument));
        }
        for (int account = 0; account < generator.accountCount(); account++)
        {
            commands.add(new CommandEvent().setRegisterAccount(account, FlowGenerator.accountName(account)));
        }
        for (int i = 0; i < orders; i++)
        {
            commands.add(generator.next(new CommandEvent()));
        }
        for (int i = 0; i < commands.size(); i++)
        {
            commands.get(i).correlationId = i + 1;
            commands.get(i).sourceId = i < generator.instruments().length + generator.accountCount() ?
                DEFINITIONS : ORDERS;
            // The cluster gives these; sending something else shows whether it does.
            commands.get(i).sequence = 0;
            commands.get(i).nowNs = 0;
        }
        sequence = new long[commands.size()];
        nowNs = new long[commands.size()];
        rejectReason = new int[commands.size()];
        alreadyApplied = new boolean[commands.size()];
        Arrays.fill(sequence, NOT_ACKED);
    }

    int size()
    {
        return commands.size();
    }

    int acked()
    {
        return acked;
    }

    int ackedTwice()
    {
        return ackedTwice;
    }

    long results()
    {
        return results;
    }

    int alreadyAppliedAcks()
    {
        return alreadyAppliedAcks;
    }

    /** Re-sends of commands acknowledged with a sequence before, acknowledged as applied before. */
    int repeatsRefused()
    {
        return repeatsRefused;
    }

    /**
     * Sends command {@code index} again, whatever its acknowledgement, and polls until the cluster refuses it as
     * applied before.
     */
    void repeat(final ClusterClient client, final int index, final IdleStrategy idle)
    {
        final int refused = repeatsRefused;
        while (client.offer(commands.get(index)) <= 0)
        {
            client.poll();
            idle.idle();
        }
        while (repeatsRefused == refused)
        {
            if (client.poll() == 0)
            {
                idle.idle();
            }
        }
    }

    /** Command {@code index} as the flow sends it. */
    CommandEvent command(final int index)
    {
        return commands.get(index);
    }

    /** Offers command {@code index} once, as it is. */
    long offer(final ClusterClient client, final int index)
    {
        return client.offer(commands.get(index));
    }

    boolean isAcked(final int index)
    {
        return sequence[index] != NOT_ACKED;
    }

    long sequenceOf(final int index)
    {
        return sequence[index];
    }

    public void onResult(final ResultEvent r)
    {
        results++;
        if (r.type != ResultType.DONE)
        {
            return;
        }
        final int index = (int)r.correlationId - 1;
        final boolean answered = sequence[index] != NOT_ACKED || alreadyApplied[index];
        if (r.commandSequence == ClusterEgress.ALREADY_APPLIED && answered)
        {
            // A re-send of a command acknowledged already: refused as applied before, which is right.
            repeatsRefused++;
            return;
        }
        if (answered)
        {
            ackedTwice++;
            return;
        }
        if (r.commandSequence == ClusterEgress.ALREADY_APPLIED)
        {
            alreadyApplied[index] = true;
            alreadyAppliedAcks++;
            return;
        }
        sequence[index] = r.commandSequence;
        nowNs[index] = r.nowNs;
        rejectReason[index] = r.rejectReason;
        acked++;
        if (index >= mark)
        {
            ackedSinceMark++;
        }
    }

    /**
     * Sends commands {@code from} (inclusive) to {@code to}, keeping at most {@code window} of them unacknowledged
     * (commands before {@code from} do not count: some may never be), polling the egress meanwhile.
     *
     * @return {@code to}.
     */
    int send(final ClusterClient client, final int from, final int to, final int window, final IdleStrategy idle)
    {
        mark = from;
        ackedSinceMark = 0;
        for (int i = from; i < commands.size(); i++)
        {
            ackedSinceMark += sequence[i] == NOT_ACKED ? 0 : 1;
        }
        int next = from;
        while (next < to)
        {
            client.poll();
            if (next - from - ackedSinceMark >= window)
            {
                idle.idle();
                continue;
            }
            final long result = client.offer(commands.get(next));
            if (result > 0)
            {
                next++;
                idle.reset();
            }
            else if (result == Publication.CLOSED)
            {
                throw new IllegalStateException("cluster session closed after " + next + " commands");
            }
            else
            {
                idle.idle();
            }
        }
        return next;
    }

    /**
     * Sends again every command before {@code to} that has no acknowledgement, in order, and polls until each has
     * one (a DONE with its sequence or as applied before).
     */
    void resendUnacknowledged(final ClusterClient client, final int to, final IdleStrategy idle)
    {
        for (int i = 0; i < to; i++)
        {
            if (sequence[i] != NOT_ACKED || alreadyApplied[i])
            {
                continue;
            }
            while (client.offer(commands.get(i)) <= 0)
            {
                client.poll();
                idle.idle();
            }
        }
        for (int i = 0; i < to; i++)
        {
            while (sequence[i] == NOT_ACKED && !alreadyApplied[i])
            {
                if (client.poll() == 0)
                {
                    idle.idle();
                }
            }
        }
    }

    /**
     * Polls until every command of the last {@link #send}, up to {@code to}, is acknowledged.
     */
    void awaitAcks(final ClusterClient client, final int to, final IdleStrategy idle)
    {
        while (ackedSinceMark < to - mark)
        {
            if (client.poll() == 0)
            {
                idle.idle();
            }
        }
    }

    /**
     * Applies the acknowledged commands to a fresh engine in the cluster's order, with the cluster's times.
     *
     * @throws AssertionError when the acknowledged sequences are not exactly 1..n (a command applied twice or not
     *                        acknowledged) or the reference refuses a command the cluster accepted or the reverse.
     */
    OfflineMatcher reference()
    {
        return reference(acked, 0, 0);
    }

    /**
     * As {@link #reference()} for a cluster that applied {@code applied} commands, some of them never acknowledged
     * (a leader died after committing them, before its DONE reached the client): those are the first unacknowledged
     * commands among {@code [unackedFrom, unackedTo)} in the order sent, since a session's commands enter the log in
     * the order sent and what survives a leader is a prefix of its log. They fill the sequences no DONE named, in
     * order, at the engine time of the sequence before (the digest does not read times).
     */
    OfflineMatcher reference(final long applied, final int unackedFrom, final int unackedTo)
    {
        final int[] bySequence = new int[(int)applied + 1];
        Arrays.fill(bySequence, -1);
        for (int i = 0; i < commands.size(); i++)
        {
            if (sequence[i] == NOT_ACKED)
            {
                continue;
            }
            if (sequence[i] < 1 || sequence[i] > applied || bySequence[(int)sequence[i]] != -1)
            {
                throw new AssertionError("command " + i + " acknowledged at sequence " + sequence[i] +
                    ", outside 1.." + applied + " or twice");
            }
            bySequence[(int)sequence[i]] = i;
        }
        int candidate = unackedFrom;
        for (int s = 1; s <= applied; s++)
        {
            if (bySequence[s] != -1)
            {
                continue;
            }
            while (candidate < unackedTo && sequence[candidate] != NOT_ACKED)
            {
                candidate++;
            }
            if (candidate == unackedTo)
            {
                throw new AssertionError("sequence " + s + " of " + applied + " applied is no command sent");
            }
            bySequence[s] = candidate++;
        }
        final OfflineMatcher matcher = new OfflineMatcher(1 << 12, r ->
        {
        });
        final CommandEvent command = new CommandEvent();
        long time = 0;
        for (int s = 1; s <= applied; s++)
        {
            final int i = bySequence[s];
            command.copyFrom(commands.get(i));
            command.sequence = s;
            time = sequence[i] == NOT_ACKED ? time : nowNs[i];
            command.nowNs = time;
            final int reason = matcher.apply(command);
            if (sequence[i] != NOT_ACKED && reason != rejectReason[i])
            {
                throw new AssertionError("command " + i + " at sequence " + s + ": the cluster answered " +
                    rejectReason[i] + ", a single engine " + reason);
            }
        }
        return matcher;
    }
}
