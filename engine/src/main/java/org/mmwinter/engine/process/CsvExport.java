package org.mmwinter.engine.process;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.flow.CsvByteWriter;
import org.mmwinter.engine.flow.FlowCsv;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;

/**
 * The engine's journals as the files of {@code replay match}, so that the two front ends can be compared.
 */
final class CsvExport
{
    private CsvExport()
    {
    }

    static long writeTrades(final EngineState state, final Path outputJournal, final Path file) throws IOException
    {
        final MatchingEngine engine = state.engine();
        final AccountRegistry accounts = state.accounts();
        final long[] seq = new long[1];
        try (CsvByteWriter out = new CsvByteWriter(Files.newOutputStream(file), 1 << 16))
        {
            out.room(CsvByteWriter.textRoom(FlowCsv.TRADES_HEADER) + 1).put(FlowCsv.TRADES_HEADER).put('\n');
            if (Files.isDirectory(outputJournal))
            {
                OutputJournal.replayReadOnly(outputJournal, r ->
                {
                    if (r.type != ResultType.FILL)
                    {
                        return;
                    }
                    try
                    {
                        FlowCsv.writeTrade(out, ++seq[0], r.clientTsNs, engine.instrument(r.instrumentId), r.price,
                            r.qty, r.side, accounts.name(r.makerAccountId), r.makerClientOrderId,
                            accounts.name(r.accountId), r.clientOrderId);
                    }
                    catch (final IOException ex)
                    {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
        }
        return seq[0];
    }

    static void writeBook(final EngineState state, final Path file) throws IOException
    {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16))
        {
            FlowCsv.writeBook(state.engine(), state.accounts(), out);
        }
    }
}
