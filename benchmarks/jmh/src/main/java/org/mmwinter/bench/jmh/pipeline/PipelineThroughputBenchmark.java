package org.mmwinter.bench.jmh.pipeline;

import java.util.concurrent.TimeUnit;

import org.mmwinter.bench.jmh.ClientOrderIdTable;
import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Maximum commands/s through our whole pipeline (inbound ring, sequencer and journal, matching, outbound ring to a
 * result consumer), the counterpart of exchange-core's benchmark of the same name: each invocation publishes the
 * next {@link MixShape#CHUNK} commands of the mix (1,000-order book) from one producer as fast as the ring takes
 * them and waits until every one has its DONE result. See {@link PipelineSettings} for the journal settings and
 * the (yielding) wait strategy. Each fork journals into a fresh temporary directory, deleted at the end.
 * <p>
 * {@code ids} spells the workload's order ids as {@link IdStyle} does for {@code MixedWorkloadBenchmark}, before
 * measurement (a {@link org.mmwinter.bench.jmh.ClientOrderIdTable} of the 127,012 ids of the 1,000-order mix,
 * 6.6 MB of the 3 GB heap): the producer copies an id's four words into the ring slot, and the journal writes
 * numeric ids as a varint and any other as its characters.
 * <p>
 * The fork flags after the heap are the root pom's {@code chronicle.jvm.flags} (a test checks they match).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true"})
public class PipelineThroughputBenchmark
{
    /**
     * A running pipeline for one journal setting, stage layout and id style, with the workload's commands ready.
     */
    @State(Scope.Thread)
    public static class PipelineState
    {
        @Param({PipelineSettings.OFF, PipelineSettings.ON, PipelineSettings.SYNC, PipelineSettings.ON_WITH_OUTPUT})
        public String journal;

        @Param({PipelineSettings.SPLIT, PipelineSettings.COMBINED, PipelineSettings.SINGLE})
        public String stages;

        @Param({IdStyle.NUMERIC, IdStyle.ALNUM8, IdStyle.UUID36})
        public String ids;

        ScratchDirectory data;
        PipelineDriver pipeline;
        CommandCycle commands;

        @Setup(Level.Trial)
        public void setUp()
        {
            final Workload workload = MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS);
            commands = new CommandCycle(workload, ids);
            data = ScratchDirectory.create("pipeline-bench");
            pipeline = PipelineDriver.start(PipelineSettings.config(data.path(), journal, stages),
                workload.config().accounts());
            pipeline.publishAndAwait(commands.fill(), commands.ids());
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            final long rejects = pipeline.rejects();
            try
            {
                pipeline.close();
            }
            finally
            {
                data.delete();
            }
            if (rejects != 0)
            {
                throw new IllegalStateException("our pipeline refused " + rejects + " commands");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MixShape.CHUNK)
    public long pipeline(final PipelineState state)
    {
        final PipelineDriver pipeline = state.pipeline;
        final CommandCycle commands = state.commands;
        final CommandArrays arrays = commands.commands();
        final ClientOrderIdTable ids = commands.ids();
        final long target = pipeline.published() + MixShape.CHUNK;
        for (int i = 0; i < MixShape.CHUNK; i++)
        {
            pipeline.publish(arrays, commands.next(), ids, 0);
        }
        pipeline.awaitCompleted(target);
        return target;
    }
}
