package org.mmwinter.bench.jmh.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JMH annotation cannot read a Maven property, so the throughput benchmark spells the journal's JVM flags out;
 * this keeps them equal to the root pom's {@code chronicle.jvm.flags}, the one list everything else uses.
 */
class ForkFlagsTest
{
    @Test
    void benchmarkForkFlagsAreTheRootPomChronicleFlags() throws IOException
    {
        final String pom = Files.readString(Path.of("../../pom.xml"));
        final Matcher matcher = Pattern.compile("<chronicle.jvm.flags>([^<]*)</chronicle.jvm.flags>").matcher(pom);
        assertTrue(matcher.find(), "the root pom defines chronicle.jvm.flags");
        final List<String> expected = Arrays.asList(matcher.group(1).trim().split("\\s+"));

        final Fork fork = PipelineThroughputBenchmark.class.getAnnotation(Fork.class);
        final List<String> forkFlags = Arrays.stream(fork.jvmArgsAppend())
            .filter(flag -> !flag.startsWith("-Xm"))
            .toList();

        assertEquals(expected, forkFlags);
    }
}
