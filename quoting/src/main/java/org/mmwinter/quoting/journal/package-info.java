/**
 * The market maker's decision journal: for every quote decision, the inputs that produced it (mid, volatility,
 * arrival-rate fit, inventory, reservation price and half spreads, the ladder targeted, the public book seen, equity
 * and drawdown, the reason and secondary reasons), written by {@link org.mmwinter.quoting.journal.DecisionJournal}
 * to a Chronicle Queue under {@code <data dir>/bot/decisions}, read back by
 * {@link org.mmwinter.quoting.journal.DecisionReader} and printed for a post-mortem by
 * {@link org.mmwinter.quoting.journal.DecisionPrinter}. The record layout is in {@code DecisionCodec}: a version byte
 * first, so that a later layout can still read this one, and a CRC32 last. Appending allocates nothing after the
 * first call.
 */
package org.mmwinter.quoting.journal;
