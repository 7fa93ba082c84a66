package org.mmwinter.replay.l2;

/**
 * Where the bot's order stands in the queue of a recorded level when the recorded size there shrinks without a
 * trade to explain it (a cancel somewhere in the queue, which the level data cannot place).
 */
public enum QueueModel
{
    /**
     * Every recorded decrease is taken from the size behind the bot first: the bot advances only when trades at its
     * price consume the size ahead of it. The pessimistic bound of a queue position.
     */
    RISK_AVERSE("risk-averse"),
    /**
     * The part of a decrease that the trades at the level since its last update do not explain is taken from ahead
     * of the bot in proportion to the share of the level's recorded size ahead of it (the expected value, rounded to
     * whole lots: no random draw); the rest, and the re-anchoring correction, from behind.
     */
    PROBABILISTIC("probabilistic");

    private final String text;

    QueueModel(final String text)
    {
        this.text = text;
    }

    public String text()
    {
        return text;
    }

    /** @throws IllegalArgumentException naming the value when it is neither model's name. */
    public static QueueModel parse(final String text)
    {
        for (final QueueModel model : values())
        {
            if (model.text.equals(text))
            {
                return model;
            }
        }
        throw new IllegalArgumentException("--queue must be risk-averse or probabilistic, not " + text);
    }
}
