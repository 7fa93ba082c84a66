package org.mmwinter.engine.journal;

/**
 * What a journal write survives before the command is acknowledged.
 */
public enum Durability
{
    /**
     * Written to memory-mapped pages only: survives a process kill (kill -9), not an OS crash or power loss.
     */
    NONE,
    /**
     * Each batch is msync'ed ({@code appender.sync()}) before its commands are matched and acknowledged: also survives
     * an OS crash, at the cost of a disk flush per batch.
     */
    SYNC_BATCH
}
