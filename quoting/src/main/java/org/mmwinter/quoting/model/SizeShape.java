package org.mmwinter.quoting.model;

/**
 * How a {@link QuoteLadder}'s order size grows from the innermost level (0) outwards.
 */
public enum SizeShape
{
    /** Every level the base size. */
    FLAT
    {
        @Override
        public double size(final double baseSize, final double factor, final int level)
        {
            return baseSize;
        }
    },
    /** base x (1 + level x factor): a straight line, steeper with the factor. */
    LINEAR
    {
        @Override
        public double size(final double baseSize, final double factor, final int level)
        {
            return baseSize * (1.0 + level * factor);
        }
    },
    /** base x factor^level: a factor above 1 puts more size further out, below 1 less. */
    GEOMETRIC
    {
        @Override
        public double size(final double baseSize, final double factor, final int level)
        {
            return baseSize * StrictMath.pow(factor, level);
        }
    };

    /**
     * The size of level {@code level} in base units.
     */
    public abstract double size(double baseSize, double factor, int level);
}
