package org.mmwinter.engine.journal;

/**
 * System properties Chronicle reads once, at class load: set them before any Chronicle class is touched so that
 * {@code java -jar} users get no analytics phone-home (these machines have no network) and no banner.
 */
public final class ChronicleSettings
{
    private ChronicleSettings()
    {
    }

    public static void apply()
    {
        setIfAbsent("chronicle.analytics.disable", "true");
        setIfAbsent("chronicle.announcer.disable", "true");
        setIfAbsent("chronicle.disk.monitor.disable", "true");
    }

    private static void setIfAbsent(final String key, final String value)
    {
        if (System.getProperty(key) == null)
        {
            System.setProperty(key, value);
        }
    }
}
