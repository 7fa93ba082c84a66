package org.mmwinter.quoting.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.engine.extension.EngineExtension;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.MarketMaker;

/**
 * The market maker as an extension of the engine process ({@code engine.jar --bot}, or {@code bot.enabled=true}):
 * checks the {@code bot.*} keys before the engine starts, hosts the bot on its own thread once the engine has
 * recovered, answers the operators' {@code BOT_*} lines and adds {@code engine.jar bot-decisions}.
 */
public final class BotExtension implements EngineExtension
{
    static final String STATUS = "BOT_STATUS";
    static final String PAUSE = "BOT_PAUSE";
    static final String RESUME = "BOT_RESUME";
    static final String RESET_KILL = "BOT_RESET_KILL";

    private BotConfig botConfig;
    private EngineConfig engineConfig;
    private LiveHost host;

    public String name()
    {
        return "bot";
    }

    public String configPrefix()
    {
        return "bot.";
    }

    public boolean enabledBy(final Map<String, String> properties)
    {
        return "true".equals(properties.get("bot.enabled"));
    }

    public void configure(final EngineConfig config, final Map<String, String> properties)
    {
        final List<String> symbols = new ArrayList<>();
        for (final EngineConfig.InstrumentSpec spec : config.instruments())
        {
            symbols.add(spec.symbol());
        }
        engineConfig = config;
        botConfig = BotConfig.parse(properties, symbols);
    }

    public void start(final EnginePipeline pipeline)
    {
        host = LiveHost.start(pipeline, botConfig, engineConfig.dataDir(), new OffsetEpochNanoClock());
    }

    public String describe()
    {
        return "market maker on account " + botConfig.account() + " quoting " +
            String.join(",", botConfig.instruments()) + " (decisions: " +
            engineConfig.dataDir().resolve("bot").resolve("decisions").toAbsolutePath().normalize() +
            "; operators: BOT_STATUS, BOT_PAUSE, BOT_RESUME, BOT_RESET_KILL over the gateway)";
    }

    public String answer(final String line, final long number)
    {
        final String word = line.indexOf(',') < 0 ? line.trim() : line.substring(0, line.indexOf(',')).trim();
        if (!word.startsWith("BOT_"))
        {
            return NOT_MINE;
        }
        if (host == null)
        {
            return "REJECTED," + number + ",the market maker is not running";
        }
        final int operation;
        switch (word)
        {
            case STATUS:
            {
                final String status = host.status();
                return status == null ? "REJECTED," + number + ",the market maker did not answer" : status;
            }
            case PAUSE:
                operation = MarketMaker.PAUSE;
                break;
            case RESUME:
                operation = MarketMaker.RESUME;
                break;
            case RESET_KILL:
                operation = MarketMaker.RESET_KILL;
                break;
            default:
                return "REJECTED," + number + ",unknown bot command " + word + " (" + STATUS + ", " + PAUSE + ", " +
                    RESUME + ", " + RESET_KILL + ")";
        }
        final String failure = host.control(operation);
        return failure == null ? "OK," + number : "REJECTED," + number + "," + failure;
    }

    public List<Object> subcommands()
    {
        return List.of(new BotDecisionsCommand(), new BotBenchCommand());
    }

    /** The running host, for tests in the same process. */
    public LiveHost host()
    {
        return host;
    }

    public void close()
    {
        if (host != null)
        {
            host.close();
            host = null;
        }
    }
}
