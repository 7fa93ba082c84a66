package org.mmwinter.engine.state;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Object2IntHashMap;

/**
 * Account names at the edges, dense int ids inside the core. Ids are given in order of first use, so the same
 * flow gives the same ids; names are what outputs and the state digest show.
 */
public final class AccountRegistry
{
    public static final int UNKNOWN = -1;

    private final Object2IntHashMap<String> ids = new Object2IntHashMap<>(UNKNOWN);
    private final List<String> names = new ArrayList<>();

    /**
     * Id of {@code name}, registering it on first use.
     */
    public int register(final String name)
    {
        final int existing = ids.getValue(name);
        if (existing != UNKNOWN)
        {
            return existing;
        }
        final int id = names.size();
        names.add(name);
        ids.put(name, id);
        return id;
    }

    /**
     * Id of a registered name or {@link #UNKNOWN}.
     */
    public int idOf(final String name)
    {
        return ids.getValue(name);
    }

    public String name(final int id)
    {
        return names.get(id);
    }

    /**
     * The name, or {@code #id} for an id no one registered (a producer that bypassed the registry): outputs and the
     * digest must still describe such an order rather than fail.
     */
    public String nameOrId(final int id)
    {
        return id >= 0 && id < names.size() ? names.get(id) : "#" + id;
    }

    public int size()
    {
        return names.size();
    }
}
