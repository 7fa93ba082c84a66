package org.mmwinter.replay.crash;

/**
 * A control command at a fixed time of the day: an instrument halt or resume, or the venue's status changing (the
 * operator declares stress, withdrawals are halted, the venue is normal again).
 *
 * @param atS  seconds of event time after the start of the day.
 * @param type one of {@link #TYPES}.
 */
public record ControlEvent(double atS, String type)
{
    /** The control types a scenario file may name. */
    public static final String[] TYPES = {"HALT", "RESUME", "VENUE_STRESS", "WITHDRAWALS_HALTED", "VENUE_NORMAL"};

    /** Whether {@code text} names a control type. */
    public static boolean isType(final String text)
    {
        for (final String type : TYPES)
        {
            if (type.equals(text))
            {
                return true;
            }
        }
        return false;
    }
}
