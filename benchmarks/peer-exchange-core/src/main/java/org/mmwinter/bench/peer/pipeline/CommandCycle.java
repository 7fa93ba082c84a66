package org.mmwinter.bench.peer.pipeline;

import exchange.core2.core.common.api.ApiCommand;
import org.mmwinter.bench.workload.Workload;

/**
 * An endless stream of consistent commands for the pipeline: the mix, then the drain and the fill that bring the
 * book back to where the mix starts, then the mix again. The reset commands are ordinary cancels and GTC orders,
 * 0.2 % of a cycle for the 1,000-order book.
 */
public final class CommandCycle
{
    private final ApiCommand[] fill;
    private final ApiCommand[] cycle;
    private int next;

    public CommandCycle(final Workload workload)
    {
        fill = PipelineCommands.convert(workload.fill());
        cycle = PipelineCommands.convert(workload.mix(), workload.drain(), workload.fill());
    }

    /** The commands that build the book the cycle starts from; send them once, first. */
    public ApiCommand[] fill()
    {
        return fill;
    }

    public ApiCommand next()
    {
        final ApiCommand command = cycle[next];
        next = next + 1 == cycle.length ? 0 : next + 1;
        return command;
    }
}
