package org.mmwinter.bench.jmh.pipeline;

/**
 * Chronicle Queue (our journal) maps its files through JDK internals that Java 17 closes: without the flags of the
 * root pom's {@code chronicle.jvm.flags} property it fails deep inside with {@code IllegalAccessException}. This
 * says so up front, in words.
 */
public final class JvmFlags
{
    private JvmFlags()
    {
    }

    /**
     * @throws IllegalStateException when {@code java.base/sun.nio.ch} is not opened to this code.
     */
    public static void requireChronicleAccess()
    {
        if (!Object.class.getModule().isOpen("sun.nio.ch", JvmFlags.class.getModule()))
        {
            throw new IllegalStateException("the journal (Chronicle Queue) needs the JVM flags of the root pom's " +
                "chronicle.jvm.flags property (--add-opens=java.base/sun.nio.ch=ALL-UNNAMED and the rest); " +
                "benchmarks/run.sh passes them, JMH forks get them from the benchmark's @Fork unless a " +
                "-jvmArgsAppend on the command line replaces those");
        }
    }
}
