package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.engine.cluster.ClusterForwarder;
import org.mmwinter.engine.cluster.ClusterLogReplay;
import org.mmwinter.engine.cluster.ClusterMembers;
import org.mmwinter.engine.cluster.ClusterNode;
import org.mmwinter.engine.extension.EngineExtension;
import org.mmwinter.engine.extension.Extensions;
import org.mmwinter.engine.extension.OperatorLines;
import org.mmwinter.engine.fix.FixAcceptor;
import org.mmwinter.engine.fix.FixGatewayConfig;
import org.mmwinter.engine.fix.marketdata.FixMarketData;
import org.mmwinter.engine.fix.marketdata.QuickFixSender;
import org.mmwinter.engine.gateway.OrderFlowGateway;
import org.mmwinter.engine.journal.ChronicleSettings;
import org.mmwinter.engine.journal.Durability;
import org.mmwinter.engine.journal.JournalCorruptException;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.RemoteEngine;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code engine.jar}: runs the engine process, or inspects a data directory offline.
 */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = "Runs the matching engine: recovers from its journal, then matches until SIGTERM.",
    subcommands = {EngineMain.Digest.class, EngineMain.Export.class, EngineMain.Bench.class, FixClientCommand.class,
        ClusterNodeCommand.class, ClusterGatewayCommand.class})
public final class EngineMain implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration over the built-in defaults.")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (journals); overrides data.dir.")
    Path dataDir;

    @Option(names = "--input", paramLabel = "FLOW.csv|-",
        description = "Order-flow CSV to route through the pipeline (- for standard input).")
    String input;

    @Option(names = "--out", paramLabel = "DIR",
        description = "With --input: write trades.csv, book.csv and events.csv of that flow, as replay match does.")
    Path out;

    @Option(names = "--rate", paramLabel = "N", description = "Pace --input at N commands per second.")
    long rate;

    @Option(names = "--exit-after-input",
        description = "Shut down cleanly once --input is fully processed instead of running on.")
    boolean exitAfterInput;

    @Option(names = "--progress-ms", paramLabel = "MS", description = "Interval of progress lines (default 1000).")
    long progressMs = 1000;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Gateway address (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N",
        description = "Gateway TCP port for order-flow CSV clients (default 7601; 0: any free port; -1: none).")
    int port = 7601;

    @Option(names = "--allow-remote",
        description = "Let the gateway listen on a non-loopback --host (it has no authentication and no TLS); " +
            "as gateway.allow.remote=true.")
    boolean allowRemote;

    @Option(names = "--fix-port", paramLabel = "N",
        description = "FIX 4.4 acceptor port (default fix.port, 9878; 0: any free port; -1: none).")
    Integer fixPort;

    @Option(names = "--bot",
        description = "Host the reference market maker (account MM1 by default, bot.* keys of --config) on the " +
            "engine's pipeline; needs an engine.jar built with the quoting module.")
    boolean bot;

    private final Extensions extensions;
    /** Set by {@code engine.jar gateway --cluster}: the core this process fronts instead of matching itself. */
    private RemoteEngine front;

    /** An engine with the extensions found on the class path. */
    public EngineMain()
    {
        this(Extensions.discover());
    }

    EngineMain(final Extensions extensions)
    {
        this.extensions = extensions;
    }

    /**
     * This process's gateways, market data and hosted extensions in front of {@code front} instead of an engine of
     * its own ({@code engine.jar gateway --cluster}); called before {@link #call()}.
     */
    void inFrontOf(final RemoteEngine front)
    {
        this.front = front;
    }

    public static void main(final String[] args)
    {
        ChronicleSettings.apply();
        final Extensions extensions = Extensions.discover();
        final CommandLine commandLine = new CommandLine(new EngineMain(extensions));
        for (final EngineExtension extension : extensions.all())
        {
            for (final Object subcommand : extension.subcommands())
            {
                commandLine.addSubcommand(subcommand);
            }
        }
        System.exit(commandLine.execute(args));
    }

    public Integer call() throws Exception
    {
        final EngineConfig config;
        try
        {
            config = configFile == null ? EngineConfig.defaults() :
                EngineConfig.load(configFile, extensions.configPrefixes());
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            System.err.println("engine: bad configuration: " + ex.getMessage());
            return 2;
        }
        final List<EngineExtension> hosted = new ArrayList<>();
        if (bot && extensions.named("bot") == null)
        {
            System.err.println("engine: --bot: this engine.jar has no market maker (it was built without the " +
                "quoting module); build it with `mvn -B package -DskipTests` from the repository root");
            return 2;
        }
        for (final EngineExtension extension : extensions.all())
        {
            final boolean enabled =
                (bot && extension.name().equals("bot")) || extension.enabledBy(config.extensionProperties());
            final boolean configured = hasKeys(config, extension.configPrefix());
            if (enabled || configured)
            {
                // Its keys are checked even when it stays off: a misspelt key is an error, not silently ignored.
                try
                {
                    extension.configure(config, config.extensionProperties());
                }
                catch (final IllegalArgumentException ex)
                {
                    System.err.println("engine: bad configuration: " + (configFile == null ? "" : configFile + ": ") +
                        ex.getMessage());
                    return 2;
                }
            }
            if (enabled)
            {
                hosted.add(extension);
            }
            else if (configured)
            {
                System.out.println("engine: " + extension.configPrefix() + "* keys are set but " + extension.name() +
                    " is off (start with --" + extension.name() + " or set " + extension.configPrefix() +
                    "enabled=true)");
            }
        }
        if (dataDir != null)
        {
            config.dataDir(dataDir);
        }
        FixGatewayConfig fixConfig;
        try
        {
            fixConfig = FixGatewayConfig.from(config);
            if (fixPort != null)
            {
                fixConfig = fixConfig.withPort(fixPort);
            }
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("engine: bad configuration: " + ex.getMessage());
            return 2;
        }
        final AckTracker acks = new AckTracker(FlowSource.SOURCE_ID);
        final FlowOutputCollector collector = input != null && out != null ? new FlowOutputCollector(out) : null;
        final OrderFlowGateway gateway = port >= 0 ? new OrderFlowGateway() : null;
        // The gateway is a participant (it polls its own acknowledgements on its own thread), not a result handler:
        // no engine thread ever waits on it or on its clients.
        final List<EventHandler<ResultEvent>> handlers = new ArrayList<>();
        handlers.add(acks);
        if (collector != null)
        {
            handlers.add(collector);
        }
        if (allowRemote)
        {
            config.gatewayAllowRemote(true);
        }
        final EnginePipeline pipeline = front == null ?
            new EnginePipeline(config, handlers, List.of(), new OffsetEpochNanoClock()) :
            EnginePipeline.inFrontOf(config, handlers, front);
        if (collector != null)
        {
            collector.bind(pipeline.directory());
        }
        System.out.println("engine: " + config);
        final EnginePipeline.RecoveryReport recovery;
        try
        {
            recovery = pipeline.start();
        }
        catch (final JournalCorruptException ex)
        {
            System.err.println("engine: refusing to start: " + ex.getMessage());
            System.err.println("engine: the journal under " + config.dataDir().toAbsolutePath().normalize() +
                " is damaged; move it aside or restore it, nothing was changed");
            return 3;
        }
        catch (final IllegalStateException ex)
        {
            if (front != null)
            {
                System.err.println("gateway: cannot start in front of " + front.describe() + ": " + ex.getMessage());
                pipeline.close();
                return 1;
            }
            // A journaled instrument configured differently (for instance a data directory written with 10^-8 ticks
            // before the built-in instruments got venue-like ones): say so, change nothing.
            System.err.println("engine: refusing to start: " + ex.getMessage());
            System.err.println("engine: list the instruments as journaled in a --config file, or use another " +
                "--data directory; nothing was changed");
            pipeline.close();
            return 2;
        }
        if (front == null)
        {
            System.out.println("engine: journal input=" + config.inputJournalDir().toAbsolutePath().normalize() +
                " output=" + config.outputJournalDir().toAbsolutePath().normalize() + " durability=" +
                config.durability());
            System.out.println("engine: " + recovery.describe());
        }
        else
        {
            System.out.println("engine: in front of " + front.describe() + " (connected and synced in " +
                String.format("%.3f", recovery.elapsedNs() / 1e9) + " s: " + pipeline.directory().instrumentCount() +
                " instruments, " + config.outputJournalDir().toAbsolutePath().normalize() + " holds what comes back)");
        }
        for (final EngineExtension extension : hosted)
        {
            try
            {
                extension.start(pipeline);
            }
            catch (final Exception ex)
            {
                System.err.println("engine: cannot start " + extension.name() + ": " + ex.getMessage());
                closeAll(hosted);
                pipeline.close();
                return 2;
            }
            System.out.println("engine: " + extension.describe());
        }
        // FIX first: tools wait for the CSV gateway's listening line, and by then both are ready.
        // Market data for FIX clients is a participant of its own, on its own thread, behind the acceptor's seam.
        final FixMarketData marketData = fixConfig.port() == FixGatewayConfig.NO_PORT ? null :
            new FixMarketData(pipeline, new QuickFixSender());
        final FixAcceptor fix = marketData == null ? null : new FixAcceptor(pipeline, fixConfig, marketData);
        if (fix != null)
        {
            try
            {
                marketData.start();
                fix.start();
                System.out.println("engine: " + fix.describe());
            }
            catch (final IllegalArgumentException | IllegalStateException | IOException ex)
            {
                System.err.println("engine: " + ex.getMessage() + " (--fix-port 0 for any free port, -1 for none)");
                closeFix(fix, marketData);
                closeAll(hosted);
                pipeline.close();
                return 2;
            }
        }
        else
        {
            System.out.println("engine: no FIX acceptor (--fix-port -1)");
        }
        InetSocketAddress listening = null;
        if (gateway != null)
        {
            if (!hosted.isEmpty())
            {
                gateway.operatorLines((line, number) ->
                {
                    for (final EngineExtension extension : hosted)
                    {
                        final String answer = extension.answer(line, number);
                        if (answer != OperatorLines.NOT_MINE)
                        {
                            return answer;
                        }
                    }
                    return OperatorLines.NOT_MINE;
                });
            }
            try
            {
                listening = gateway.start(pipeline, host, port);
            }
            catch (final IllegalArgumentException ex)
            {
                System.err.println("engine: " + ex.getMessage());
                closeFix(fix, marketData);
                closeAll(hosted);
                pipeline.close();
                return 2;
            }
            catch (final IOException ex)
            {
                System.err.println("engine: cannot listen on " + host + ":" + port + ": " + ex.getMessage() +
                    " (use --port 0 for any free port, --port -1 for none)");
                closeFix(fix, marketData);
                closeAll(hosted);
                pipeline.close();
                return 2;
            }
        }

        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            shutdown(pipeline, gateway, fix, marketData, hosted);
            stopped.countDown();
        }, "engine-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // Said only once the hook is in place: tools send SIGTERM as soon as they read it, and a SIGTERM before the
        // hook would end the process without its shutdown (the bot's status file, the last snapshot).
        if (listening != null)
        {
            System.out.println("engine: listening on tcp://" + listening.getHostString() + ":" +
                listening.getPort() + " (order-flow CSV: header, then one command a line; one OK or REJECTED line " +
                "back per line; max connections " + config.gatewayMaxConnections() + ", accounts " +
                (config.gatewayAccounts().isEmpty() ? "any" : String.join(",", config.gatewayAccounts())) + ")");
        }
        else
        {
            System.out.println("engine: not listening (--port -1); producers: --input and in-process");
        }

        FlowSource source = null;
        Thread sourceThread = null;
        final Throwable[] sourceError = new Throwable[1];
        if (input != null)
        {
            final FlowSource flow = new FlowSource(pipeline, rate, Long.MAX_VALUE, collector);
            source = flow;
            sourceThread = new Thread(() ->
            {
                try (BufferedReader reader = "-".equals(input) ?
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16) :
                    Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8))
                {
                    flow.run(reader, input);
                }
                catch (final IOException | RuntimeException ex)
                {
                    sourceError[0] = ex;
                }
            }, "engine-input");
            sourceThread.start();
        }

        long lastPrinted = -1;
        while (true)
        {
            if (pipeline.failStop().hasFailed())
            {
                System.err.println("engine: stopped after a failure: " + pipeline.failStop().describe());
                Runtime.getRuntime().removeShutdownHook(hook);
                shutdown(pipeline, gateway, fix, marketData, hosted);
                return 1;
            }
            if (source != null && acks.lastAcked() != lastPrinted)
            {
                lastPrinted = acks.lastAcked();
                printProgress(source, acks, pipeline);
            }
            if (sourceThread != null && !sourceThread.isAlive())
            {
                if (sourceError[0] != null)
                {
                    System.err.println("engine: input failed: " + sourceError[0].getMessage());
                }
                pipeline.awaitIdle(60, TimeUnit.SECONDS);
                printProgress(source, acks, pipeline);
                System.out.println("engine: input done: lines=" + source.linesRead() + " commands=" +
                    source.published() + " edge_rejects=" + source.edgeRejects() + " engine_rejects=" +
                    acks.rejected() + " digest=" + StateDigest.toHex(pipeline.digest()));
                sourceThread = null;
                if (collector != null)
                {
                    collector.finish(out, source.linesRead(), pipeline.stateWhenIdle());
                    System.out.println("engine: wrote trades.csv, book.csv, events.csv to " +
                        out.toAbsolutePath().normalize());
                }
                if (exitAfterInput)
                {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    shutdown(pipeline, gateway, fix, marketData, hosted);
                    return sourceError[0] == null ? 0 : 1;
                }
            }
            if (stopped.await(progressMs, TimeUnit.MILLISECONDS))
            {
                return 0;
            }
        }
    }

    /**
     * The line tools watch for: {@code acked_line} is the last line journaled, matched and acknowledged.
     */
    private static void printProgress(final FlowSource source, final AckTracker acks, final EnginePipeline pipeline)
    {
        System.out.println("progress lines=" + source.linesRead() + " published=" + source.published() +
            " edge_rejects=" + source.edgeRejects() + " acked_line=" + acks.lastAcked() +
            " busy=" + pipeline.busyCount());
    }

    private static boolean hasKeys(final EngineConfig config, final String prefix)
    {
        for (final String key : config.extensionProperties().keySet())
        {
            if (key.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    private static void closeFix(final FixAcceptor fix, final FixMarketData marketData)
    {
        if (fix != null)
        {
            fix.close();
        }
        if (marketData != null)
        {
            marketData.close();
        }
    }

    private static void closeAll(final List<EngineExtension> hosted)
    {
        for (final EngineExtension extension : hosted)
        {
            extension.close();
        }
    }

    private static void shutdown(
        final EnginePipeline pipeline,
        final OrderFlowGateway gateway,
        final FixAcceptor fix,
        final FixMarketData marketData,
        final List<EngineExtension> hosted)
    {
        // Sessions are logged out first, so that clients hear it before the engine stops answering.
        closeFix(fix, marketData);
        if (gateway != null)
        {
            gateway.close();
        }
        // Extensions stop before the pipeline: the market maker's last commands and its status file need it running.
        closeAll(hosted);
        final boolean failed = pipeline.failStop().hasFailed();
        if (!failed)
        {
            pipeline.awaitIdle(10, TimeUnit.SECONDS);
        }
        if (pipeline.isInFront())
        {
            pipeline.close();
            System.out.println("engine: shut down (the book is the cluster's: engine.jar digest on a member)");
            return;
        }
        final long commands = pipeline.commandCount();
        final String digest = failed ? "n/a (failed)" : StateDigest.toHex(pipeline.digest());
        pipeline.close();
        System.out.println("engine: shut down, commands=" + commands + " digest=" + digest);
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Rebuilds the state from a journal offline and prints commands=N digest=<16 hex>.",
            "On a stopped cluster member's directory (engine.jar cluster --data) it replays the member's " +
                "archived log."})
    static final class Digest implements Callable<Integer>
    {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
        Path dataDir;

        public Integer call()
        {
            try
            {
                // A cluster member's directory has no input journal: its archived log is the source of truth.
                final EngineState state = ClusterLogReplay.isMemberDirectory(dataDir) ?
                    ClusterLogReplay.rebuild(dataDir, 1 << 16) : OfflineState.rebuild(dataDir);
                System.out.println("commands=" + state.engine().commandCount() + " digest=" +
                    StateDigest.toHex(state.digest()));
                return 0;
            }
            catch (final IllegalArgumentException | JournalCorruptException ex)
            {
                System.err.println("engine digest: " + ex.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes trades.csv (from the output journal) and book.csv (rebuilt from the input journal) " +
            "in the formats of `replay match` (--out), and/or every command applied as an order-flow CSV for " +
            "`replay match --input` (--flow).",
            "On a stopped cluster member's directory (engine.jar cluster --data) the commands are those its " +
                "archived log applied, in the cluster's order (--flow only: a member keeps no output journal)."})
    static final class Export implements Callable<Integer>
    {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
        Path dataDir;

        @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created).")
        Path out;

        @Option(names = "--flow", paramLabel = "FLOW.csv",
            description = "Write the commands applied, in order, with ts_ns the engine time each was given, and " +
                "the instruments beside it (FLOW.instruments.conf, for replay match --config).")
        Path flow;

        public Integer call()
        {
            if (out == null && flow == null)
            {
                System.err.println("engine export: nothing to write: give --out DIR, --flow FILE or both");
                return 2;
            }
            // A cluster member's directory has no input journal: its archived log is the source of truth.
            final boolean member = ClusterLogReplay.isMemberDirectory(dataDir);
            if (member && out != null)
            {
                System.err.println("engine export: --out: a cluster member keeps no output journal; export " +
                    "--flow FILE, then replay match --input FILE --config FILE.instruments.conf --out DIR");
                return 2;
            }
            AppliedFlowExport export = null;
            try
            {
                final EngineState state;
                final AppliedFlowExport.Summary summary;
                if (flow != null)
                {
                    export = AppliedFlowExport.open(flow);
                    state = member ? ClusterLogReplay.rebuild(dataDir, 1 << 16, export) :
                        OfflineState.rebuild(dataDir, export);
                    summary = export.finish(state);
                    System.out.println("engine export: flow=" + flow.toAbsolutePath().normalize() + " lines=" +
                        summary.lines() + " skipped=" + summary.skipped() + " config=" +
                        summary.config().toAbsolutePath().normalize() + " (instruments: give it to replay match " +
                        "--config) commands=" + state.engine().commandCount() + " digest=" +
                        StateDigest.toHex(summary.digest()));
                }
                else
                {
                    state = OfflineState.rebuild(dataDir);
                }
                if (out != null)
                {
                    Files.createDirectories(out);
                    final long trades = CsvExport.writeTrades(state, dataDir.resolve("output"),
                        out.resolve("trades.csv"));
                    CsvExport.writeBook(state, out.resolve("book.csv"));
                    System.out.println("engine export: trades=" + trades + " commands=" +
                        state.engine().commandCount() + " digest=" + StateDigest.toHex(state.digest()) +
                        " out=" + out.toAbsolutePath().normalize());
                }
                return 0;
            }
            catch (final IllegalArgumentException | JournalCorruptException | IOException |
                UncheckedIOException ex)
            {
                if (export != null)
                {
                    // Never leave a flow that would replay to another state.
                    export.discard();
                }
                System.err.println("engine export: " + ex.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load test of the pipeline: throughput, latency at a fixed rate (HdrHistogram, from intended " +
            "send times), journal bytes per command and recovery speed.")
    static final class Bench implements Callable<Integer>
    {
        @Option(names = "--commands", paramLabel = "N", description = "Commands measured (default 2000000).")
        int commands = 2_000_000;

        @Option(names = "--warmup", paramLabel = "N",
            description = "Commands sent and acknowledged before the measured ones, at the same rate, while the JIT " +
                "compiles the hot path (default 2000000; 0 measures the cold process). The busy and rejected " +
                "counts and the recovery include them.")
        int warmup = 2_000_000;

        @Option(names = "--rate", paramLabel = "N", description = "Offered rate, commands/s (0 = flat out).")
        long rate;

        @Option(names = "--journal", paramLabel = "on|off", description = "Journal on or off (default on).")
        String journal = "on";

        @Option(names = "--output-journal", paramLabel = "on|off", description = "Journal results too (default on).")
        String outputJournal = "on";

        @Option(names = "--pretouch", paramLabel = "on|off",
            description = "Fault the journals' next pages in on a thread of their own (default on).")
        String pretouch = "on";

        @Option(names = "--durability", paramLabel = "none|sync-batch", description = "Default none.")
        String durability = "none";

        @Option(names = "--wait", paramLabel = "STRATEGY", description = "Wait strategy (default sleeping).")
        String wait = "sleeping";

        @Option(names = "--stages", paramLabel = "split|combined|single", description = "Default split.")
        String stages = "split";

        @Option(names = "--recovery", description = "Also time a recovery from the journal written.")
        boolean recovery;

        @Option(names = "--data", paramLabel = "DIR", description = "Scratch data directory, deleted after the run " +
            "(default ./bench-data); refused if it holds files no bench wrote.")
        Path data = Path.of("bench-data");

        @Option(names = "--cluster", paramLabel = "HOST:BASEPORT,...",
            description = "Send the load through a pipeline in front of this cluster (engine.jar cluster members) " +
                "instead of matching it in this process.")
        String cluster;

        @Option(names = "--gateway-id", paramLabel = "N", description = "With --cluster: the sender id (default 9).")
        int gatewayId = 9;

        @Option(names = "--max-park-us", paramLabel = "US",
            description = "With --cluster: longest park of the client's idle Aeron driver (default 1000).")
        long maxParkUs = TimeUnit.NANOSECONDS.toMicros(ClusterNode.DEFAULT_MAX_PARK_NS);

        public Integer call() throws Exception
        {
            if (commands <= 0 || warmup < 0 || (long)commands + warmup > Integer.MAX_VALUE)
            {
                System.err.println("engine bench: --commands " + commands + " --warmup " + warmup + ": the commands " +
                    "measured must be at least 1, the warm-up at least 0, and both together at most " +
                    Integer.MAX_VALUE);
                return 2;
            }
            // A misspelt switch must not quietly measure another configuration than the one asked for.
            final String refused = firstRefused(
                "--journal", journal, "on", "off",
                "--output-journal", outputJournal, "on", "off",
                "--pretouch", pretouch, "on", "off",
                "--durability", durability, "none", "sync-batch");
            if (refused != null)
            {
                System.err.println("engine bench: " + refused);
                return 2;
            }
            final EngineConfig config;
            try
            {
                config = PipelineBench.benchConfig(data, "on".equals(journal),
                    "sync-batch".equals(durability) ? Durability.SYNC_BATCH : Durability.NONE, wait)
                    .stageLayout(stages)
                    .outputJournalEnabled("on".equals(outputJournal))
                    .journalPretouch("on".equals(pretouch));
            }
            catch (final IllegalArgumentException ex)
            {
                System.err.println("engine bench: --wait " + wait + " --stages " + stages + ": " + ex.getMessage());
                return 2;
            }
            final String notScratch = PipelineBench.claimScratch(data);
            if (notScratch != null)
            {
                System.err.println("engine bench: " + notScratch);
                return 2;
            }
            System.out.println("bench: " + commands + " commands, rate=" + (rate == 0 ? "max" : rate + "/s") +
                ", " + config);
            final RemoteEngine front = cluster == null ? null :
                new ClusterForwarder(ClusterMembers.parse(cluster), data.resolve("aeron"), "127.0.0.1", gatewayId,
                    TimeUnit.MICROSECONDS.toNanos(maxParkUs));
            final PipelineBench.Report report =
                new PipelineBench(warmup, commands, 42).run(config, rate, recovery, front);
            if (front instanceof ClusterForwarder)
            {
                System.out.println("gateway: " + ((ClusterForwarder)front).counters());
            }
            System.out.print(report.describe());
            PipelineBench.deleteRecursively(data);
            return 0;
        }

        /**
         * The refusal of the first switch whose value is neither of its two words, or null: groups of option, value,
         * first word, second word.
         */
        static String firstRefused(final String... groups)
        {
            for (int i = 0; i < groups.length; i += 4)
            {
                final String value = groups[i + 1];
                if (!groups[i + 2].equals(value) && !groups[i + 3].equals(value))
                {
                    return groups[i] + " must be " + groups[i + 2] + " or " + groups[i + 3] + ", not '" + value + "'";
                }
            }
            return null;
        }
    }
}
