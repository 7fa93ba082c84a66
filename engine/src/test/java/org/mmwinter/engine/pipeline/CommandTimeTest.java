package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A replay in event time offers many commands at once; each must carry its own time into the journal and the
 * reports, whatever the Disruptor's batching, and time must still never go back.
 */
final class CommandTimeTest
{
    @TempDir
    Path dir;

    @Test
    void eachCommandIsStampedWithItsOwnTimeKeptMonotonic()
    {
        final List<Long> stamped = new ArrayList<>();
        final ParticipantListener listener = new ParticipantListener()
        {
            public void onReport(final ExecutionReport report)
            {
                if (report.type == ResultType.DONE)
                {
                    stamped.add(report.nowNs);
                }
            }
        };
        // The clock says 999; with command time on it is never read.
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .ringSize(256).commandTime(true);
        try (EnginePipeline pipeline = new EnginePipeline(config, List.of(), List.of(), () -> 999))
        {
            pipeline.start();
            pipeline.directory().resolve("BTC", true);
            final Participant participant = pipeline.register(ParticipantSpec.of("p", "A"), listener);
            final int account = pipeline.directory().resolve("A");
            final long[] times = {10, 5, 20, 20, 30};
            final CommandEvent command = new CommandEvent();
            for (int i = 0; i < times.length; i++)
            {
                PipelineHarness.fill(command, account, "o" + i, 0, Side.BUY, 100 + i, 1);
                command.clientTsNs = times[i];
                participant.publication().offerBlocking(command, i);
            }
            ParticipantTest.await(() -> stamped.size() == times.length, participant);
        }
        // 5 comes after 10: kept at 10, so that matching and recovery never see time go back.
        assertEquals(List.of(10L, 10L, 20L, 20L, 30L), stamped);
    }
}
