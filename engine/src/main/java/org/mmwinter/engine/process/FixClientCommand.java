package org.mmwinter.engine.process;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.mmwinter.engine.fix.FixClient;
import org.mmwinter.engine.fix.FixGatewayConfig;
import org.mmwinter.engine.fix.FixReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecInst;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderMassCancelRequest;

/**
 * {@code engine.jar client}: a person's FIX client for trying the engine by hand. Logs on (sequence numbers reset at
 * logon), sends one order, cancel or mass cancel, prints each report as a readable line until the order is done or
 * {@code --wait} seconds pass, and logs off.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
    description = {"A FIX 4.4 client for trying the engine by hand: sends one order and prints the reports.",
        "  client --symbol BTC-USD buy 0.5 @ 80150.25     a limit order (GTC unless --tif)",
        "  client --symbol BTC-USD sell 0.5               a market order (IOC unless --tif FOK)",
        "  client --symbol BTC-USD cancel CLORDID         cancel one of this session's orders",
        "  client [--symbol BTC-USD] mass-cancel          cancel this session's orders (of one symbol)"})
final class FixClientCommand implements Callable<Integer>
{
    @Option(names = "--host", paramLabel = "ADDRESS", description = "Engine address (default 127.0.0.1).")
    String host = FixGatewayConfig.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "N", description = "FIX port (default 9878).")
    int port = FixGatewayConfig.DEFAULT_PORT;

    @Option(names = "--sender", paramLabel = "COMPID", description = "SenderCompID (default CLIENT1).")
    String sender = "CLIENT1";

    @Option(names = "--password", paramLabel = "TEXT", description = "Logon password (554), if the session has one.")
    String password;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Instrument, e.g. BTC-USD.")
    String symbol;

    @Option(names = "--tif", paramLabel = "GTC|IOC|FOK", description = "Time in force.")
    String tif;

    @Option(names = "--post-only", description = "Post-only (ExecInst 6): refused if it would trade on entry.")
    boolean postOnly;

    @Option(names = "--clordid", paramLabel = "ID", description = "ClOrdID of the order (default cli-<millis>).")
    String clOrdId;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "Print reports for this long (default 3).")
    long waitSeconds = 3;

    @Parameters(paramLabel = "WORDS", description = "buy|sell QTY [@ PRICE] | cancel CLORDID | mass-cancel")
    List<String> words;

    public Integer call() throws Exception
    {
        final Message request;
        try
        {
            request = request();
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("client: " + ex.getMessage());
            return 2;
        }
        try (FixClient client = new FixClient(host, port, sender, password, null))
        {
            if (!client.logon(10, TimeUnit.SECONDS))
            {
                System.err.println("client: logon to " + host + ":" + port + " as " + sender + " failed" +
                    (client.logoutText() == null ? " (no answer)" : ": " + client.logoutText()));
                return 1;
            }
            System.out.println("logged on to " + host + ":" + port + " as " + sender);
            client.send(request);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            while (System.nanoTime() < deadline)
            {
                final Message reply = client.poll(50, TimeUnit.MILLISECONDS);
                if (reply == null)
                {
                    continue;
                }
                System.out.println(FixReportText.describe(reply));
                if (finishes(reply))
                {
                    break;
                }
            }
            client.logout(5, TimeUnit.SECONDS);
            System.out.println("logged off");
            return 0;
        }
    }

    private Message request()
    {
        if (words == null || words.isEmpty())
        {
            throw new IllegalArgumentException("say what to send: buy|sell QTY [@ PRICE], cancel CLORDID or " +
                "mass-cancel");
        }
        final String id = clOrdId != null ? clOrdId : "cli-" + System.currentTimeMillis();
        final String verb = words.get(0);
        switch (verb)
        {
            case "buy":
            case "sell":
                return order(id, "buy".equals(verb) ? Side.BUY : Side.SELL);
            case "cancel":
            {
                if (words.size() != 2 || symbol == null)
                {
                    throw new IllegalArgumentException("cancel takes --symbol and one CLORDID");
                }
                final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID(words.get(1)),
                    new ClOrdID(id), new Side(Side.BUY), new TransactTime());
                cancel.setString(Symbol.FIELD, symbol);
                return cancel;
            }
            case "mass-cancel":
            {
                final OrderMassCancelRequest mass = new OrderMassCancelRequest(new ClOrdID(id),
                    new MassCancelRequestType(symbol == null ? MassCancelRequestType.CANCEL_ALL_ORDERS :
                    MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY), new TransactTime());
                if (symbol != null)
                {
                    mass.setString(Symbol.FIELD, symbol);
                }
                return mass;
            }
            default:
                throw new IllegalArgumentException("unknown request " + verb + " (buy, sell, cancel, mass-cancel)");
        }
    }

    private Message order(final String id, final char side)
    {
        if (symbol == null)
        {
            throw new IllegalArgumentException("an order needs --symbol");
        }
        final boolean limit = words.size() == 4 && "@".equals(words.get(2));
        if (!limit && words.size() != 2)
        {
            throw new IllegalArgumentException("an order is buy|sell QTY for a market order or buy|sell QTY @ PRICE");
        }
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID(id), new Side(side), new TransactTime(),
            new OrdType(limit ? OrdType.LIMIT : OrdType.MARKET));
        order.setString(Symbol.FIELD, symbol);
        order.setString(OrderQty.FIELD, words.get(1));
        if (limit)
        {
            order.setString(Price.FIELD, words.get(3));
        }
        if (tif != null)
        {
            switch (tif)
            {
                case "GTC": order.setChar(TimeInForce.FIELD, TimeInForce.GOOD_TILL_CANCEL); break;
                case "IOC": order.setChar(TimeInForce.FIELD, TimeInForce.IMMEDIATE_OR_CANCEL); break;
                case "FOK": order.setChar(TimeInForce.FIELD, TimeInForce.FILL_OR_KILL); break;
                default: throw new IllegalArgumentException("--tif is GTC, IOC or FOK, not " + tif);
            }
        }
        if (postOnly)
        {
            order.setString(ExecInst.FIELD, String.valueOf(ExecInst.PARTICIPATE_DONT_INITIATE));
        }
        return order;
    }

    /** The order is done (filled, cancelled, expired, rejected), or a cancel or mass cancel was answered. */
    private static boolean finishes(final Message reply) throws Exception
    {
        final String type = reply.getHeader().getString(MsgType.FIELD);
        if (!MsgType.EXECUTION_REPORT.equals(type))
        {
            return MsgType.ORDER_CANCEL_REJECT.equals(type) || MsgType.ORDER_MASS_CANCEL_REPORT.equals(type) ||
                MsgType.LOGOUT.equals(type);
        }
        final char execType = reply.getChar(ExecType.FIELD);
        return execType == ExecType.CANCELED || execType == ExecType.EXPIRED || execType == ExecType.REJECTED ||
            (execType == ExecType.TRADE && "0".equals(reply.getString(LeavesQty.FIELD)));
    }
}
