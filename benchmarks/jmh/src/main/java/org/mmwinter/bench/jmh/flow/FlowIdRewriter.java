package org.mmwinter.bench.jmh.flow;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.engine.core.ClientOrderId;

/**
 * Rewrites the {@code order_id} column of an order-flow CSV into another {@link IdStyle}, every other byte
 * unchanged, so that {@code replay match} can be timed on the same flow with numeric and with string ids: each
 * canonical decimal id becomes the style's spelling of its number (so a cancel still names its order), and any
 * other value (empty for a mass cancel, a deliberately bad id) is kept as it is.
 * <p>
 * {@code java -cp benchmarks.jar org.mmwinter.bench.jmh.flow.FlowIdRewriter IN.csv OUT.csv uuid36}
 */
public final class FlowIdRewriter
{
    private static final int ORDER_ID_COLUMN = 3;

    private FlowIdRewriter()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length != 3)
        {
            System.err.println("usage: FlowIdRewriter IN.csv OUT.csv numeric|alnum8|uuid36|mixed");
            System.exit(2);
        }
        final IdStyle style = IdStyle.of(args[2]);
        final ClientOrderId id = new ClientOrderId();
        long lines = 0;
        long rewritten = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.US_ASCII);
            BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.US_ASCII))
        {
            final StringBuilder line = new StringBuilder(256);
            String text = in.readLine();
            if (text != null)
            {
                out.write(text);
                out.write('\n');
            }
            while ((text = in.readLine()) != null)
            {
                lines++;
                line.setLength(0);
                line.append(text);
                final int start = fieldStart(line, ORDER_ID_COLUMN);
                final int end = start < 0 ? -1 : fieldEnd(line, start);
                if (start >= 0 && id.parse(line, start, end) == ClientOrderId.OK && id.decimalValue() >= 0)
                {
                    final long value = id.decimalValue();
                    line.replace(start, end, style.write(value, id).toString());
                    rewritten++;
                }
                out.append(line).append('\n');
            }
        }
        System.out.printf("rewrote %,d of %,d order ids as %s: %s%n", rewritten, lines, style, args[1]);
    }

    private static int fieldStart(final CharSequence line, final int column)
    {
        int index = 0;
        for (int c = 0; c < column; c++)
        {
            while (index < line.length() && line.charAt(index) != ',')
            {
                index++;
            }
            if (index == line.length())
            {
                return -1;
            }
            index++;
        }
        return index;
    }

    private static int fieldEnd(final CharSequence line, final int start)
    {
        int index = start;
        while (index < line.length() && line.charAt(index) != ',')
        {
            index++;
        }
        return index;
    }
}
