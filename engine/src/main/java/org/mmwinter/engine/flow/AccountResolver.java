package org.mmwinter.engine.flow;

/**
 * Turns an account name into the core's dense account id at the edge, registering it on first use.
 */
@FunctionalInterface
public interface AccountResolver
{
    int resolve(String name);
}
