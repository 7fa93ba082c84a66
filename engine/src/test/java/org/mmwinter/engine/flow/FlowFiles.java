package org.mmwinter.engine.flow;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.StateDigest;

/**
 * Order-flow files for tests: written from a seeded {@link FlowGenerator}, and run straight through the core (the
 * semantics of {@code replay match}) to know the digest any front end must reach.
 */
public final class FlowFiles
{
    /**
     * Commands and digest of a flow run through the bare core.
     */
    public record Direct(long lines, long commands, long trades, long digest)
    {
    }

    private FlowFiles()
    {
    }

    public static Path write(final Path file, final long seed, final int lines) throws IOException
    {
        final FlowGenerator generator = new FlowGenerator(seed, FlowGenerator.Options.CSV);
        final CommandEvent command = new CommandEvent();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write(FlowGenerator.csvHeader());
            out.write('\n');
            for (int i = 0; i < lines; i++)
            {
                out.write(generator.toCsvLine(generator.next(command)));
                out.write('\n');
            }
        }
        return file;
    }

    /**
     * Splits a flow file after {@code firstLines} data lines into two files with the header each.
     */
    public static void split(final Path flow, final long firstLines, final Path first, final Path second)
        throws IOException
    {
        try (BufferedReader in = Files.newBufferedReader(flow, StandardCharsets.UTF_8);
            BufferedWriter a = Files.newBufferedWriter(first, StandardCharsets.UTF_8);
            BufferedWriter b = Files.newBufferedWriter(second, StandardCharsets.UTF_8))
        {
            final String header = in.readLine();
            a.write(header + "\n");
            b.write(header + "\n");
            String line;
            long n = 0;
            while ((line = in.readLine()) != null)
            {
                (n++ < firstLines ? a : b).write(line + "\n");
            }
        }
    }

    /**
     * The first {@code limit} data lines through a bare core, instruments created on first use.
     */
    public static Direct direct(final Path flow, final long limit) throws IOException
    {
        final long[] trades = new long[1];
        final MatchingEngine engine = new MatchingEngine(new MatchingListener()
        {
            public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
            {
                trades[0]++;
            }
        });
        final AccountRegistry accounts = new AccountRegistry();
        final DefaultInstruments instruments = new DefaultInstruments(engine, true);
        final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, accounts::register);
        final CommandEvent command = new CommandEvent();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(flow, StandardCharsets.UTF_8))
        {
            in.readLine();
            String line;
            while (lines < limit && (line = in.readLine()) != null)
            {
                lines++;
                if (parser.parse(line, command) == RejectReason.NONE)
                {
                    command.applyTo(engine);
                }
            }
        }
        return new Direct(lines, engine.commandCount(), trades[0], StateDigest.compute(engine, accounts));
    }
}
