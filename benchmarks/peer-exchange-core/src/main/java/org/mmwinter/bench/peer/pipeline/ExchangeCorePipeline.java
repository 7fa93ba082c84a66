package org.mmwinter.bench.peer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiAdjustUserBalance;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.InitialStateConfiguration;
import exchange.core2.core.common.config.SerializationConfiguration;
import exchange.core2.core.processors.journaling.DiskSerializationProcessor;
import exchange.core2.core.processors.journaling.DiskSerializationProcessorConfiguration;
import org.mmwinter.bench.harness.LatencyRecorder;
import org.mmwinter.bench.peer.PeerBooks;

/**
 * exchange-core's full pipeline (grouping, risk hold, matching, risk release, results; and its disk journal when
 * asked) with the workload's symbol and accounts set up, counting the order commands whose results came out.
 * Accounts get balances far larger than the workload can move, so its risk engine checks every order and never
 * refuses one.
 */
public final class ExchangeCorePipeline implements AutoCloseable
{
    private static final long BALANCE = 1_000_000_000_000_000L;
    private static final String EXCHANGE_ID = "BENCH";

    private final ExchangeCore core;
    private final ExchangeApi api;
    private final Path journalFolder;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private volatile LatencyRecorder latencyRecorder;
    private volatile long latencyBase;

    private ExchangeCorePipeline(final boolean journal, final PipelineProfile profile)
    {
        try
        {
            journalFolder = journal ? Files.createTempDirectory("exchange-core-journal") : null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final ExchangeConfiguration configuration = ExchangeConfiguration.defaultBuilder()
            .performanceCfg(profile.configuration())
            .initStateCfg(journal ?
                InitialStateConfiguration.cleanStartJournaling(EXCHANGE_ID) :
                InitialStateConfiguration.cleanStart(EXCHANGE_ID))
            .serializationCfg(journal ? diskJournal(journalFolder) : SerializationConfiguration.DEFAULT)
            .build();
        core = ExchangeCore.builder()
            .exchangeConfiguration(configuration)
            .resultsConsumer(this::onResult)
            .build();
        core.startup();
        api = core.getApi();
    }

    /**
     * Starts a pipeline and creates the symbol and {@code accounts} funded accounts (uids 1 .. accounts).
     */
    public static ExchangeCorePipeline start(final boolean journal, final PipelineProfile profile, final int accounts)
    {
        final ExchangeCorePipeline pipeline = new ExchangeCorePipeline(journal, profile);
        pipeline.setUp(accounts);
        return pipeline;
    }

    public void submit(final ApiCommand command)
    {
        api.submitCommand(command);
    }

    /**
     * Submits every command and waits until all their results are out.
     */
    public void submitAndAwait(final ApiCommand[] commands)
    {
        final long target = completed() + commands.length;
        for (final ApiCommand command : commands)
        {
            api.submitCommand(command);
        }
        awaitCompleted(target);
    }

    public void awaitCompleted(final long count)
    {
        while (completed.get() < count)
        {
            Thread.yield();
        }
    }

    /** Order commands (place, cancel, move, reduce) whose results came out of the pipeline. */
    public long completed()
    {
        return completed.get();
    }

    /** Order commands whose result was not SUCCESS. */
    public long rejects()
    {
        return rejects.get();
    }

    /**
     * From now on, records the latency of each result (now minus the command's timestamp, which the sender sets to
     * the command's due time) under index {@code completed() - base}.
     */
    public void recordLatency(final LatencyRecorder recorder, final long base)
    {
        latencyBase = base;
        latencyRecorder = recorder;
    }

    public void close()
    {
        core.shutdown();
        if (journalFolder != null)
        {
            try (Stream<Path> files = Files.walk(journalFolder))
            {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Bytes written to the journal folder so far (0 without a journal). */
    public long journalBytes()
    {
        if (journalFolder == null)
        {
            return 0;
        }
        try (Stream<Path> files = Files.list(journalFolder))
        {
            return files.mapToLong(path -> path.toFile().length()).sum();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void onResult(final OrderCommand cmd, final long sequence)
    {
        final OrderCommandType type = cmd.command;
        if (type == OrderCommandType.PLACE_ORDER || type == OrderCommandType.CANCEL_ORDER ||
            type == OrderCommandType.MOVE_ORDER || type == OrderCommandType.REDUCE_ORDER)
        {
            if (cmd.resultCode != CommandResultCode.SUCCESS)
            {
                rejects.lazySet(rejects.get() + 1);
            }
            final long count = completed.get();
            final LatencyRecorder recorder = latencyRecorder;
            if (recorder != null)
            {
                recorder.record(count - latencyBase, System.nanoTime() - cmd.timestamp);
            }
            completed.lazySet(count + 1);
        }
    }

    private void setUp(final int accounts)
    {
        check("add symbol", api.submitBinaryDataAsync(new BatchAddSymbolsCommand(PeerBooks.symbol())).join());
        final List<CompletableFuture<CommandResultCode>> results = new ArrayList<>();
        long transactionId = 1;
        for (long uid = 1; uid <= accounts; uid++)
        {
            results.add(api.submitCommandAsync(ApiAddUser.builder().uid(uid).build()));
            results.add(api.submitCommandAsync(ApiAdjustUserBalance.builder()
                .uid(uid).currency(PeerBooks.BASE_CURRENCY).amount(BALANCE).transactionId(transactionId++).build()));
            results.add(api.submitCommandAsync(ApiAdjustUserBalance.builder()
                .uid(uid).currency(PeerBooks.QUOTE_CURRENCY).amount(BALANCE).transactionId(transactionId++).build()));
        }
        for (final CompletableFuture<CommandResultCode> result : results)
        {
            check("set up accounts", result.join());
        }
    }

    private static void check(final String what, final CommandResultCode result)
    {
        if (result != CommandResultCode.SUCCESS)
        {
            throw new IllegalStateException("exchange-core refused to " + what + ": " + result);
        }
    }

    private static SerializationConfiguration diskJournal(final Path folder)
    {
        final DiskSerializationProcessorConfiguration defaults =
            DiskSerializationProcessorConfiguration.createDefaultConfig();
        final DiskSerializationProcessorConfiguration disk = DiskSerializationProcessorConfiguration.builder()
            .storageFolder(folder.toString())
            .snapshotLz4CompressorFactory(defaults.getSnapshotLz4CompressorFactory())
            .journalFileMaxSize(defaults.getJournalFileMaxSize())
            .journalBufferSize(defaults.getJournalBufferSize())
            .journalBatchCompressThreshold(defaults.getJournalBatchCompressThreshold())
            .journalLz4CompressorFactory(defaults.getJournalLz4CompressorFactory())
            .build();
        return SerializationConfiguration.builder()
            .enableJournaling(true)
            .serializationProcessorFactory(configuration -> new DiskSerializationProcessor(configuration, disk))
            .build();
    }
}
