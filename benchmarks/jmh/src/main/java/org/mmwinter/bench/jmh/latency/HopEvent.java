package org.mmwinter.bench.jmh.latency;

/**
 * A ring slot of the bare hop: which command it is and when it was due.
 */
final class HopEvent
{
    long index;
    long intendedNs;
}
