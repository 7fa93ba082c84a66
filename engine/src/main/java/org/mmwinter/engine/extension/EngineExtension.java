package org.mmwinter.engine.extension;

import java.util.List;
import java.util.Map;

import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;

/**
 * Something another module hosts inside the engine process (the reference market maker is one): found with
 * {@link java.util.ServiceLoader} on the class path, so that the engine never depends on the module that plugs in.
 * It reads its own configuration keys (those under {@link #configPrefix()}), runs as a participant of the pipeline
 * on threads of its own, answers operator lines the gateway does not know, and may add subcommands to
 * {@code engine.jar}.
 */
public interface EngineExtension extends OperatorLines, AutoCloseable
{
    /** The name of the command-line switch that turns it on ({@code bot} for {@code --bot}). */
    String name();

    /** The configuration keys it owns start with this (e.g. {@code bot.}); the engine refuses other unknown keys. */
    String configPrefix();

    /** Whether its configuration keys alone turn it on (without the command-line switch). */
    boolean enabledBy(Map<String, String> properties);

    /**
     * Checks its configuration before the engine starts, so that a bad key stops the process with a message that
     * names the key instead of failing later.
     *
     * @throws IllegalArgumentException naming the key and value that are wrong.
     */
    void configure(EngineConfig config, Map<String, String> properties);

    /**
     * Starts it on a pipeline that has recovered and is running, before the gateway accepts connections.
     */
    void start(EnginePipeline pipeline) throws Exception;

    /** One line for the engine's start-up output: what it is doing. */
    String describe();

    /** Picocli command objects it adds to {@code engine.jar} (e.g. {@code bot-decisions}). */
    default List<Object> subcommands()
    {
        return List.of();
    }

    /** Stops its threads and writes what it keeps at shutdown; called before the pipeline closes. */
    @Override
    void close();
}
