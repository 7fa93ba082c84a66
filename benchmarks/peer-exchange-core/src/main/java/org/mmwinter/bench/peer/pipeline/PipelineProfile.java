package org.mmwinter.bench.peer.pipeline;

import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;

/**
 * exchange-core's own two performance profiles ({@code throughputPerformanceBuilder} and
 * {@code latencyPerformanceBuilder}) cut down to what a 2-core machine can run: one matching engine, one risk
 * engine, the direct order book, a yielding wait and plain threads (no CPU pinning).
 */
public enum PipelineProfile
{
    /** Large ring and large batches between the risk stages. */
    THROUGHPUT(64 * 1024, 4_096, 4_000_000),
    /** Small ring and small batches, for response time (falls behind at 100,000 commands/s on 2 cores). */
    LATENCY(2 * 1024, 256, 10_000);

    private final int ringBufferSize;
    private final int msgsInGroupLimit;
    private final int maxGroupDurationNs;

    PipelineProfile(final int ringBufferSize, final int msgsInGroupLimit, final int maxGroupDurationNs)
    {
        this.ringBufferSize = ringBufferSize;
        this.msgsInGroupLimit = msgsInGroupLimit;
        this.maxGroupDurationNs = maxGroupDurationNs;
    }

    PerformanceConfiguration configuration()
    {
        return PerformanceConfiguration.baseBuilder()
            .ringBufferSize(ringBufferSize)
            .matchingEnginesNum(1)
            .riskEnginesNum(1)
            .msgsInGroupLimit(msgsInGroupLimit)
            .maxGroupDurationNs(maxGroupDurationNs)
            .threadFactory(Thread::new)
            .waitStrategy(CoreWaitStrategy.YIELDING)
            .orderBookFactory(OrderBookDirectImpl::new)
            .build();
    }
}
