package org.mmwinter.bench.jmh.pipeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmwinter.bench.jmh.ClientOrderIdTable;
import org.mmwinter.bench.jmh.EngineBookAdapter;
import org.mmwinter.bench.workload.Replay;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.mmwinter.bench.workload.WorkloadGenerator;
import org.mmwinter.engine.core.MatchingEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipeline replays the shared workload exactly as our order book does when driven directly: the commands map
 * to the same NEW, CANCEL and AMEND, so the pipeline benchmarks measure the same matching work as the order-book
 * ones, plus the pipeline.
 */
class PipelineDriverTest
{
    @ParameterizedTest
    @CsvSource({"1, numeric", "2, numeric", "1, uuid36", "2, mixed"})
    void pipelineEndsWithTheBookAndTradesOfTheDirectReplay(final long seed, final String idStyle)
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(seed, 1_000, 30_000));
        final ClientOrderIdTable ids = ClientOrderIdTable.of(idStyle, workload.maxOrderId());
        final EngineBookAdapter direct = new EngineBookAdapter(4_000, ids);
        Replay.run(workload.fill(), direct);
        Replay.run(workload.mix(), direct);

        try (ScratchDirectory data = ScratchDirectory.create("pipeline-driver-test");
            PipelineDriver pipeline = PipelineDriver.start(
                PipelineSettings.config(data.path(), PipelineSettings.ON, PipelineSettings.COMBINED),
                workload.config().accounts()))
        {
            pipeline.publishAndAwait(workload.fill(), ids);
            pipeline.publishAndAwait(workload.mix(), ids);
            final MatchingEngine engine = pipeline.pipeline().stateWhenIdle().engine();

            final String context = "seed " + seed + ", " + idStyle + " ids";
            assertEquals(0, pipeline.rejects(), context);
            assertEquals(0, direct.rejects(), context);
            assertEquals(workload.fill().count() + workload.mix().count(), pipeline.completed(), context);
            assertEquals(workload.stats().ordersAfterMix(), engine.liveOrderCount(), context);
            assertEquals(direct.liveOrders(), engine.liveOrderCount(), context);
            assertEquals(workload.stats().fills(), engine.tradeCount(), context);
        }
    }
}
