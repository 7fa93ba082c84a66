package org.mmwinter.engine.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The extensions on the class path, found once: {@code engine.jar} built with the quoting module has the market
 * maker; an engine-only build has none, and says so when {@code --bot} is asked for.
 */
public final class Extensions
{
    private final List<EngineExtension> found = new ArrayList<>();

    private Extensions()
    {
    }

    public static Extensions discover()
    {
        final Extensions extensions = new Extensions();
        for (final EngineExtension extension : ServiceLoader.load(EngineExtension.class))
        {
            extensions.found.add(extension);
        }
        return extensions;
    }

    public List<EngineExtension> all()
    {
        return List.copyOf(found);
    }

    /**
     * @return the extension of that name, or {@code null} when this build has none.
     */
    public EngineExtension named(final String name)
    {
        for (final EngineExtension extension : found)
        {
            if (extension.name().equals(name))
            {
                return extension;
            }
        }
        return null;
    }

    /** The configuration prefixes the installed extensions own. */
    public List<String> configPrefixes()
    {
        final List<String> prefixes = new ArrayList<>();
        for (final EngineExtension extension : found)
        {
            prefixes.add(extension.configPrefix());
        }
        return prefixes;
    }
}
