package org.mmwinter.bench.peer.pipeline;

import java.util.concurrent.TimeUnit;

import org.mmwinter.bench.workload.MixShape;
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
 * Maximum commands/s through exchange-core's whole pipeline, with and without its disk journal: each invocation
 * publishes the next {@link MixShape#CHUNK} commands of the mix (1,000-order book) as fast as the ring takes
 * them and waits until every result is out. Its journal writes through a {@code RandomAccessFile} opened "rwd",
 * i.e. each flushed batch is synced to the device.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class PipelineThroughputBenchmark
{
    /**
     * A running exchange-core pipeline, journaled or not, with the workload's commands ready.
     */
    @State(Scope.Thread)
    public static class PipelineState
    {
        @Param({"off", "on"})
        public String journal;

        ExchangeCorePipeline pipeline;
        CommandCycle commands;

        @Setup(Level.Trial)
        public void setUp()
        {
            commands = new CommandCycle(MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS));
            pipeline = ExchangeCorePipeline.start("on".equals(journal), PipelineProfile.THROUGHPUT, 1_000);
            pipeline.submitAndAwait(commands.fill());
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            final long rejects = pipeline.rejects();
            pipeline.close();
            if (rejects != 0)
            {
                throw new IllegalStateException("exchange-core refused " + rejects + " commands");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MixShape.CHUNK)
    public long pipeline(final PipelineState state)
    {
        final ExchangeCorePipeline pipeline = state.pipeline;
        final CommandCycle commands = state.commands;
        final long target = pipeline.completed() + MixShape.CHUNK;
        for (int i = 0; i < MixShape.CHUNK; i++)
        {
            pipeline.submit(commands.next());
        }
        pipeline.awaitCompleted(target);
        return target;
    }
}
