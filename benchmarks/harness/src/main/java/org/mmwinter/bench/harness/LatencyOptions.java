package org.mmwinter.bench.harness;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Command line of the latency mains: {@code --rates 100000,1000000 --warmup-seconds 2 --seconds 5
 * --out results.jsonl}. Results are printed and, with {@code --out}, appended as JSON lines. {@code --find-max}
 * (no value) asks a main that supports it for a {@link MaxRateSearch} starting at the first rate instead;
 * {@code --max-p99-us} is that search's latency bound.
 */
public final class LatencyOptions
{
    private long[] rates = {100_000, 1_000_000};
    private double warmupSeconds = 2;
    private double seconds = 5;
    private String out;
    private String variant = "";
    private boolean findMax;
    private long maxP99Us = MaxRateSearch.DEFAULT_MAX_P99_US;

    public static LatencyOptions parse(final String[] args)
    {
        final LatencyOptions options = new LatencyOptions();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--find-max".equals(arg))
            {
                options.findMax = true;
                continue;
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            final String value = args[++i];
            switch (arg)
            {
                case "--rates":
                    options.rates = Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
                    break;

                case "--warmup-seconds":
                    options.warmupSeconds = Double.parseDouble(value);
                    break;

                case "--seconds":
                    options.seconds = Double.parseDouble(value);
                    break;

                case "--out":
                    options.out = value;
                    break;

                case "--variant":
                    options.variant = value;
                    break;

                case "--max-p99-us":
                    options.maxP99Us = Long.parseLong(value);
                    break;

                default:
                    throw new IllegalArgumentException("unknown option " + arg +
                        " (known: --rates --warmup-seconds --seconds --out --variant --find-max --max-p99-us)");
            }
        }
        return options;
    }

    public long[] rates()
    {
        return rates;
    }

    public long warmupNs()
    {
        return (long)(warmupSeconds * 1e9);
    }

    public long measureNs()
    {
        return (long)(seconds * 1e9);
    }

    /** Free-form selector a main may use (e.g. which configuration); empty when not given. */
    public String variant()
    {
        return variant;
    }

    /** Whether to search for the highest sustained rate, starting at the first of {@link #rates()}. */
    public boolean findMax()
    {
        return findMax;
    }

    /** Highest p99 a rate may show and still count as sustained by {@link MaxRateSearch}, in ns. */
    public long maxP99Ns()
    {
        return maxP99Us * 1_000;
    }

    /**
     * Prints a result and appends it to the {@code --out} file when one was given.
     */
    public void report(final LatencyResult result)
    {
        System.out.println(result);
        if (out != null)
        {
            try (PrintWriter writer = new PrintWriter(new FileWriter(out, true)))
            {
                writer.println(result.toJson());
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("cannot write " + out, ex);
            }
        }
    }
}
