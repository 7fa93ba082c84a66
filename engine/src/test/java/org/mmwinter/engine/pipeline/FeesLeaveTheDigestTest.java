package org.mmwinter.engine.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fees and statuses are not part of the state digest or of the CSV outputs: they change no order, trade or count,
 * and the digest is how the engine and {@code replay match} (which has no fees) are compared. A flow gives the digest
 * it gave before fees existed, with fees configured or not, and the same trades.csv, book.csv and events.csv.
 */
final class FeesLeaveTheDigestTest
{
    /** The digest of {@code FlowFiles.write} with seed 4242 and 5,000 lines, as engine.jar printed it at e21f05b. */
    private static final String DIGEST_BEFORE_FEES = "1259a06af49f5ade";

    @TempDir
    Path dir;

    @Test
    void aFlowGivesTheSameDigestAndFilesWithFeesAsBeforeThem() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 4242, 5_000);
        assertEquals(DIGEST_BEFORE_FEES, StateDigest.toHex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()));

        final EngineConfig plain = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("plain"));
        final EngineConfig withFees = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("fees"));
        for (int i = 0; i < 4; i++)
        {
            // The flow's symbols, at the 10^-8 tick and lot they get on first use, with a rebate and a charge.
            withFees.addInstrument(new EngineConfig.InstrumentSpec("SYM" + i, "0.00000001", "0.00000001", 0, -25,
                250));
        }
        final PipelineFlowRun.Result without = PipelineFlowRun.run(plain, flow, dir.resolve("out-plain"),
            Long.MAX_VALUE);
        final PipelineFlowRun.Result with = PipelineFlowRun.run(withFees, flow, dir.resolve("out-fees"),
            Long.MAX_VALUE);
        assertTrue(with.trades() > 100, "the flow trades: " + with.trades());
        assertEquals(DIGEST_BEFORE_FEES, StateDigest.toHex(without.digest()));
        assertEquals(DIGEST_BEFORE_FEES, StateDigest.toHex(with.digest()));
        for (final String file : new String[]{"trades.csv", "book.csv", "events.csv"})
        {
            assertEquals(Files.readString(dir.resolve("out-plain").resolve(file)),
                Files.readString(dir.resolve("out-fees").resolve(file)), file);
        }

        try (EnginePipeline pipeline = new EnginePipeline(withFees))
        {
            pipeline.start();
            assertTrue(pipeline.setVenueStatus(TradingStatus.WITHDRAWALS_HALTED));
            assertTrue(pipeline.halt("SYM0", true));
            assertEquals(DIGEST_BEFORE_FEES, StateDigest.toHex(pipeline.digest()),
                "statuses are not in the digest either (a halt never was)");
        }
    }
}
