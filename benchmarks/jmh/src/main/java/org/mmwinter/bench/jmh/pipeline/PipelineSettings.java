package org.mmwinter.bench.jmh.pipeline;

import java.nio.file.Path;

import org.mmwinter.engine.journal.Durability;
import org.mmwinter.engine.pipeline.EngineConfig;

/**
 * The configurations of our pipeline that the benchmarks compare, by the names their {@code journal} parameter and
 * {@code --variant} option use.
 * <p>
 * The wait strategy is {@code sleeping}, the engine's default, so the figures are those of the engine as shipped.
 * Never busy-spin on 2 cores: two spinning stages take both cores from the producer and each other. Between
 * {@code sleeping} (spins, yields, then parks) and {@code yielding} (what exchange-core's side runs), A/B runs on
 * this 2-core machine showed no difference beyond the noise, at 100,000 commands/s (p50 2.6-3.8 µs against
 * 3.3-3.4 µs, journal on) as at full throughput; an idle sleeping stage parks and leaves the core to the threads
 * that have work. {@code -D}{@value #WAIT_PROPERTY}{@code =yielding} runs the other one.
 */
public final class PipelineSettings
{
    /** No journal at all: sequencing, matching and results only. */
    public static final String OFF = "off";
    /**
     * The input journal (every sequenced command, what recovery replays), in memory-mapped pages without a sync:
     * survives a killed process, not an OS crash. The engine's default durability.
     */
    public static final String ON = "on";
    /**
     * The input journal synced ({@code msync}) after every batch before it is matched: survives an OS crash. The
     * guarantee exchange-core's journal gives (its files are opened {@code "rwd"}).
     */
    public static final String SYNC = "sync";
    /** The input journal as {@link #ON} plus the output journal of every result, as the engine runs by default. */
    public static final String ON_WITH_OUTPUT = "on+output";

    public static final String COMBINED = "combined";
    public static final String SPLIT = "split";
    /** Every stage on one engine thread ({@code pipeline.stages=single}). */
    public static final String SINGLE = "single";
    /** The engine's default layout (see engine-default.conf), measured first. */
    public static final String DEFAULT_STAGES = SPLIT;

    public static final String WAIT_STRATEGY = "sleeping";
    /** System property that overrides {@link #WAIT_STRATEGY} (for A/B runs of the wait strategies). */
    public static final String WAIT_PROPERTY = "bench.pipeline.wait";
    /** System property that turns the journal pretoucher off ({@code =false}) for A/B runs; on, as shipped. */
    public static final String PRETOUCH_PROPERTY = "bench.pipeline.pretouch";
    /** System properties that override the engine's default inbound and outbound ring sizes, for A/B runs. */
    public static final String RING_PROPERTY = "bench.pipeline.ring";
    public static final String OUTPUT_RING_PROPERTY = "bench.pipeline.outputRing";

    private PipelineSettings()
    {
    }

    /**
     * @param journal one of {@link #OFF}, {@link #ON}, {@link #SYNC}, {@link #ON_WITH_OUTPUT}.
     * @param stages  {@link #COMBINED} (journal and match on one thread), {@link #SPLIT} or {@link #SINGLE}.
     */
    public static EngineConfig config(final Path dataDir, final String journal, final String stages)
    {
        checkJournal(journal);
        if (!COMBINED.equals(stages) && !SPLIT.equals(stages) && !SINGLE.equals(stages))
        {
            throw new IllegalArgumentException("stages is combined, split or single, not " + stages);
        }
        final String pretouch = System.getProperty(PRETOUCH_PROPERTY, "true");
        if (!"true".equals(pretouch) && !"false".equals(pretouch))
        {
            throw new IllegalArgumentException("-D" + PRETOUCH_PROPERTY + " is true or false, not " + pretouch);
        }
        final EngineConfig config = EngineConfig.defaults()
            .clearInstruments()
            .dataDir(dataDir)
            .journalEnabled(!OFF.equals(journal))
            .outputJournalEnabled(ON_WITH_OUTPUT.equals(journal))
            .durability(SYNC.equals(journal) ? Durability.SYNC_BATCH : Durability.NONE)
            .snapshotsEnabled(false)
            .waitStrategy(System.getProperty(WAIT_PROPERTY, WAIT_STRATEGY))
            .journalPretouch("true".equals(pretouch))
            .stageLayout(stages);
        return config.ringSize(ringProperty(RING_PROPERTY, config.ringSize()))
            .outputRingSize(ringProperty(OUTPUT_RING_PROPERTY, config.outputRingSize()));
    }

    /**
     * A ring size from {@code -Dname}, or the engine's default when unset. A value that is not a number is refused:
     * {@link Integer#getInteger} would have measured the default instead, as if the switch had been taken.
     */
    private static int ringProperty(final String name, final int engineDefault)
    {
        final String value = System.getProperty(name);
        if (value == null)
        {
            return engineDefault;
        }
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("-D" + name + " is a ring size (a power of two), not " + value);
        }
    }

    /**
     * The journal setting named by a latency main's {@code --variant journal-off|journal-on|journal-sync|...}.
     */
    public static String journalOfVariant(final String variant)
    {
        final String journal = variant.startsWith("journal-") ? variant.substring("journal-".length()) : "";
        if (!isJournal(journal))
        {
            throw new IllegalArgumentException(
                "--variant is journal-off, journal-on, journal-sync or journal-on+output, not " + variant);
        }
        return journal;
    }

    private static void checkJournal(final String journal)
    {
        if (!isJournal(journal))
        {
            throw new IllegalArgumentException("journal is off, on, sync or on+output, not " + journal);
        }
    }

    private static boolean isJournal(final String journal)
    {
        return OFF.equals(journal) || ON.equals(journal) || SYNC.equals(journal) || ON_WITH_OUTPUT.equals(journal);
    }
}
