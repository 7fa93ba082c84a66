package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.fix.FixClient;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code engine.jar} as users start it: the FIX acceptor is up once its line is printed, takes an order from an
 * ordinary client, and on SIGTERM logs the session out before the process shuts down as usual (drained, digest said).
 */
class FixProcessTest
{
    private static final Pattern LISTENING = Pattern.compile("engine: fix listening on 127\\.0\\.0\\.1:(\\d+) .*");

    @TempDir
    Path dir;

    @Test
    void theProcessTakesAFixOrderAndLogsOutOnSigterm() throws Exception
    {
        final Process engine = ChildJvm.command(EngineMain.class, "--data", dir.resolve("data").toString(),
            "--port", "0", "--fix-port", "0").redirectErrorStream(true).start();
        final List<String> output = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = out.readLine()) != null)
                {
                    output.add(line);
                    final Matcher m = LISTENING.matcher(line);
                    if (m.matches())
                    {
                        port.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
            catch (final IOException ex)
            {
                // The process ended.
            }
        });
        reader.start();
        try
        {
            final Integer fixPort = port.poll(60, TimeUnit.SECONDS);
            assertTrue(fixPort != null, "no FIX listening line: " + output);
            try (FixClient client = new FixClient("127.0.0.1", fixPort, "CLIENT1", null, null))
            {
                assertTrue(client.logon(30, TimeUnit.SECONDS), "logon: " + client.logoutText());
                final NewOrderSingle order = new NewOrderSingle(new ClOrdID("p1"), new Side(Side.BUY),
                    new TransactTime(), new OrdType(OrdType.LIMIT));
                order.setString(Symbol.FIELD, "BTC-USD");
                order.setString(OrderQty.FIELD, "0.5");
                order.setString(Price.FIELD, "80150.25");
                client.send(order);
                final Message accepted = client.await(m -> MsgType.EXECUTION_REPORT.equals(type(m)),
                    30, TimeUnit.SECONDS);
                assertTrue(accepted != null, "no ExecutionReport");
                assertEquals(ExecType.NEW, accepted.getChar(ExecType.FIELD));

                new ProcessBuilder("kill", "-TERM", Long.toString(engine.pid())).start().waitFor();
                final Message logout = client.await(m -> MsgType.LOGOUT.equals(type(m)), 30, TimeUnit.SECONDS);
                assertTrue(logout != null, "the engine logged the session out: " + output);
            }
            assertTrue(engine.waitFor(60, TimeUnit.SECONDS), "stopped: " + output);
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(output.stream().anyMatch(l -> l.startsWith("engine: shut down, commands=1 ")),
                output.toString());
        }
        finally
        {
            engine.destroyForcibly();
        }
    }

    private static String type(final Message m)
    {
        try
        {
            return m.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }
}
