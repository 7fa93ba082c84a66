package org.mmwinter.engine.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Field;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.MassCancelRequestType;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderStatusRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.fix.FixMessages.execution;
import static org.mmwinter.engine.fix.FixMessages.get;
import static org.mmwinter.engine.fix.FixMessages.limit;

/**
 * Ten thousand randomly corrupted messages (seeded) over a logged-on session, through the real acceptor: fields
 * removed, set to junk (empty, negative, absurd, wrong type, random text) or added. Every template names a symbol
 * the engine does not have, so no variant can be a command that changes the state: the engine's digest must not
 * move, the session must still be logged on and answer, and a well-formed order must still trade.
 */
class FixFuzzTest
{
    private static final int MESSAGES = 10_000;
    private static final String[] JUNK = {"", "-1", "0", "-0.0001", "1e9", "abc", "NaN", "99999999999999999999999",
        "0.123456789", "1.", ".5", "Y", "ZZ", "2026-13-45", "12345678901234567890123456789012345678901"};
    /** The session layer's own tags, never added: corrupting them tests QuickFIX/J's framing, not the gateway. */
    private static final int[] SESSION_TAGS = {8, 9, 10, 34, 35, 43, 49, 52, 56, 97, 122};

    @TempDir
    Path dir;

    @Test
    void corruptedMessagesChangeNothingAndTheSessionGoesOn() throws Exception
    {
        try (FixEngine engine = new FixEngine(dir, Map.of(
            "fix.sessions", "CLIENT1,CLIENT2,FUZZ", "fix.session.FUZZ.max_msgs_per_s", "100000000"));
            FixClient maker = engine.logon("CLIENT2");
            FixClient fuzz = engine.logon("FUZZ"))
        {
            maker.send(limit("ask", Side.SELL, "0.5", "101.5"));
            execution(maker, ExecType.NEW);
            final long digest = engine.pipeline().digest();
            final List<String> book = engine.book();

            final Random random = new Random(20261201);
            for (int i = 0; i < MESSAGES; i++)
            {
                final Message m = template(random.nextInt(6), i);
                final int mutations = 1 + random.nextInt(3);
                for (int k = 0; k < mutations; k++)
                {
                    mutate(m, random);
                }
                assertTrue(fuzz.send(m), "the session was logged out after " + i + " messages");
            }
            // Messages of a session are handled in order: once this one is answered, all before it were.
            final NewOrderSingle sentinel = limit("sentinel", Side.BUY, "1", "1");
            sentinel.setString(Symbol.FIELD, "NOPE-USD");
            fuzz.send(sentinel);
            final Message last = fuzz.await(x -> "sentinel".equals(get(x, ClOrdID.FIELD)), 60,
                TimeUnit.SECONDS);
            assertTrue(last != null, "the sentinel was not answered");
            assertTrue(fuzz.isLoggedOn());

            assertEquals(digest, engine.pipeline().digest());
            assertEquals(book, engine.book());

            // A well-formed order still trades: 0.5 at the ask.
            fuzz.send(limit("real", Side.BUY, "0.5", "101.5"));
            execution(fuzz, ExecType.NEW);
            assertEquals("0.5", get(execution(fuzz, ExecType.TRADE), CumQty.FIELD));
            assertEquals(List.of(), engine.book());
        }
    }

    /** A well-formed message of one of six kinds, on a symbol the engine does not have. */
    private static Message template(final int kind, final int i)
    {
        final String id = "f" + i;
        switch (kind)
        {
            case 0:
            {
                final NewOrderSingle m = limit(id, Side.BUY, "0.5", "100.25");
                m.setString(Symbol.FIELD, "ZZZ-USD");
                return m;
            }
            case 1:
            {
                final Message m = FixMessages.cancel(id, "o" + i, Side.SELL);
                m.setString(Symbol.FIELD, "QQQ-USD");
                return m;
            }
            case 2:
            {
                final Message m = FixMessages.replace(id, "o" + i, Side.BUY, "2", "99.99");
                m.setString(Symbol.FIELD, "XXX-USD");
                return m;
            }
            case 3:
                return FixMessages.massCancel(id, MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY, "WWW-USD");
            case 4:
            {
                final MarketDataRequest m = new MarketDataRequest(new MDReqID(id),
                    new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
                final MarketDataRequest.NoMDEntryTypes types = new MarketDataRequest.NoMDEntryTypes();
                types.setChar(MDEntryType.FIELD, MDEntryType.OFFER);
                m.addGroup(types);
                final MarketDataRequest.NoRelatedSym symbols = new MarketDataRequest.NoRelatedSym();
                symbols.setString(Symbol.FIELD, "VVV-USD");
                m.addGroup(symbols);
                return m;
            }
            default:
            {
                final OrderStatusRequest m = new OrderStatusRequest(new ClOrdID(id), new Side(Side.SELL));
                m.setString(Symbol.FIELD, "UUU-USD");
                return m;
            }
        }
    }

    private static void mutate(final Message m, final Random random)
    {
        final List<Integer> tags = new ArrayList<>();
        for (final Iterator<Field<?>> it = m.iterator(); it.hasNext();)
        {
            tags.add(it.next().getTag());
        }
        final int what = random.nextInt(3);
        if (what == 0 && !tags.isEmpty())
        {
            m.removeField(tags.get(random.nextInt(tags.size())));
        }
        else if (what == 1 && !tags.isEmpty())
        {
            m.setString(tags.get(random.nextInt(tags.size())), junk(random));
        }
        else
        {
            int tag = 1 + random.nextInt(9_999);
            while (isSessionTag(tag))
            {
                tag = 1 + random.nextInt(9_999);
            }
            m.setString(tag, junk(random));
        }
    }

    /** Junk, never the SOH that ends a field (that would test framing, which QuickFIX/J owns). */
    private static String junk(final Random random)
    {
        if (random.nextBoolean())
        {
            return JUNK[random.nextInt(JUNK.length)];
        }
        final int length = 2 + random.nextInt(40);
        final StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.append((char)(0x20 + random.nextInt(0x7F - 0x20)));
        }
        return text.toString();
    }

    private static boolean isSessionTag(final int tag)
    {
        for (final int sessionTag : SESSION_TAGS)
        {
            if (tag == sessionTag)
            {
                return true;
            }
        }
        return false;
    }
}
