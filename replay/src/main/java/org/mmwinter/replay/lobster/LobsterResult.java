package org.mmwinter.replay.lobster;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Outcome of a {@code replay lobster} run, for the summary line and for tests.
 *
 * @param rows message data rows read (malformed ones included).
 * @param events messages applied.
 * @param bookRows book data rows in the file; {@code comparedRows} of them lined up with a message.
 * @param tally per-level match counts, null without a book file.
 */
public record LobsterResult(
    String symbol,
    long rows,
    long events,
    long malformed,
    long bookRows,
    long comparedRows,
    long malformedBookRows,
    long elapsedNs,
    LobsterRebuild rebuild,
    LevelTally tally,
    long resyncs,
    long levelsFromBook,
    Path out)
{
    /** Messages applied per second of processing (reading, parsing, the core and the checks). */
    public long eventsPerSecond()
    {
        return elapsedNs == 0 ? 0 : (long)(events * 1e9 / elapsedNs);
    }

    public String summary()
    {
        return "replay lobster: symbol=" + symbol + " events=" + events + " malformed=" + (malformed +
            malformedBookRows) + " elapsed=" + String.format(Locale.ROOT, "%.3fs", elapsedNs / 1e9) + " events/s=" +
            eventsPerSecond() + " trades=" + rebuild.engineTrades() + " hidden_prints=" + rebuild.hiddenPrints() +
            " cross_prints=" + rebuild.crossPrints() + " unmatched_prints=" + rebuild.unmatchedPrints() +
            " resyncs=" + resyncs + " unknown_id_events=" + rebuild.unknownIdEvents() + " unseeded=" +
            rebuild.unseededEvents() + " gone_id_events=" + rebuild.goneIdEvents() + " queue_differs=" +
            rebuild.queueDiffers() + " queue_fallbacks=" + rebuild.queueFallbacks() + " misdirected_fills=" +
            rebuild.misdirectedFills() + " crossed_cleared=" +
            rebuild.crossedCleared() + " levels_from_book=" + levelsFromBook + " refused=" + rebuild.refused() +
            " book_rows=" + bookRows + " compared_rows=" + comparedRows + " out=" + out.toAbsolutePath();
    }
}
