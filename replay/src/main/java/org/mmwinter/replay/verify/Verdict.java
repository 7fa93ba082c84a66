package org.mmwinter.replay.verify;

/**
 * What {@code replay verify} found: how many commands were replayed and results agreed, and the first divergence
 * if there was one, as readable text.
 *
 * @param commands    commands replayed (the diverging one included).
 * @param results     results that agreed with the recorded ones.
 * @param agreed      whether every result agreed.
 * @param sequence    the command sequence of the divergence ({@link #NONE} when none).
 * @param command     the diverging command ({@code ""} when none, or when it is not the one being replayed).
 * @param expected    the recorded result, or why there is none.
 * @param actual      the replayed result, or why there is none.
 * @param differences the fields in which the two differ ({@code ""} when one is missing).
 */
public record Verdict(long commands, long results, boolean agreed, long sequence, String command, String expected,
    String actual, String differences)
{
    /** The sequence of a verdict without a divergence. */
    public static final long NONE = 0;

    static Verdict allAgreed(final long commands, final long results)
    {
        return new Verdict(commands, results, true, NONE, "", "", "", "");
    }

    /** The report {@code replay verify} prints: one line when all agreed, the divergence after it otherwise. */
    public String report()
    {
        if (agreed)
        {
            return "verify: commands=" + commands + " results=" + results + " ok";
        }
        final StringBuilder text = new StringBuilder();
        text.append("verify: commands=").append(commands).append(" results=").append(results)
            .append(" divergence at command sequence ").append(sequence).append('\n');
        if (!command.isEmpty())
        {
            text.append("  command:  ").append(command).append('\n');
        }
        text.append("  expected: ").append(expected).append('\n');
        text.append("  actual:   ").append(actual);
        if (!differences.isEmpty())
        {
            text.append('\n').append("  differs:  ").append(differences);
        }
        return text.toString();
    }
}
