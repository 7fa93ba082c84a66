package org.mmwinter.engine.fix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.fix.FixMessages.execution;
import static org.mmwinter.engine.fix.FixMessages.get;
import static org.mmwinter.engine.fix.FixMessages.limit;

/**
 * Ten thousand corrupted messages as raw bytes on a plain socket, below QuickFIX/J's client side: random bytes of a
 * framed message overwritten (a broken checksum, body length, tag, separator or value), or the body corrupted and the
 * frame rebuilt around it so that the parser and the gateway see it. The connection is re-opened with a fresh logon
 * whenever the acceptor drops it, and every thousand messages. The orders name a symbol the engine does not have,
 * so nothing that gets through may change the state: the digest must not move, the engine and the acceptor must
 * still run, and a well-formed order from a real client must still trade.
 */
class FixRawBytesFuzzTest
{
    private static final int MESSAGES = 10_000;
    private static final char SOH = '\u0001';
    private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

    @TempDir
    Path dir;

    @Test
    void rawCorruptedBytesChangeNothingAndTheEngineGoesOn() throws Exception
    {
        try (FixEngine engine = new FixEngine(dir, Map.of(
            "fix.sessions", "CLIENT1,CLIENT2,RAW", "fix.session.RAW.max_msgs_per_s", "100000000"));
            FixClient maker = engine.logon("CLIENT2"))
        {
            maker.send(limit("ask", Side.SELL, "0.5", "101.5"));
            execution(maker, ExecType.NEW);
            final long digest = engine.pipeline().digest();
            final List<String> book = engine.book();

            final Random random = new Random(20261202);
            final RawSession raw = new RawSession(engine.port());
            int logons = raw.logon() ? 1 : 0;
            for (int i = 0; i < MESSAGES; i++)
            {
                if (!raw.isOpen() || i % 1_000 == 999)
                {
                    raw.close();
                    logons += raw.logon() ? 1 : 0;
                }
                final String body = body(random, i);
                final byte[] bytes;
                if (random.nextBoolean())
                {
                    bytes = frame(corrupt(body.getBytes(StandardCharsets.US_ASCII), random), raw.nextSequence());
                }
                else
                {
                    bytes = corrupt(frame(body.getBytes(StandardCharsets.US_ASCII), raw.nextSequence()), random);
                }
                raw.write(bytes);
            }
            raw.close();
            assertTrue(logons >= MESSAGES / 1_000, "the raw session logged on again and again: " + logons);

            // Whatever got through has been handled once the engine is idle.
            engine.pipeline().awaitIdle(FixEngine.TIMEOUT_S, TimeUnit.SECONDS);
            assertFalse(engine.pipeline().failStop().hasFailed());
            assertEquals(digest, engine.pipeline().digest());
            assertEquals(book, engine.book());

            // The acceptor still takes a real client, and its well-formed order trades: 0.5 at the ask.
            try (FixClient taker = engine.logon("CLIENT1"))
            {
                taker.send(limit("real", Side.BUY, "0.5", "101.5"));
                execution(taker, ExecType.NEW);
                assertEquals("0.5", get(execution(taker, ExecType.TRADE), CumQty.FIELD));
            }
            assertEquals(List.of(), engine.book());
        }
    }

    /** The body of one of four kinds of order-entry message (after 9=, without 34 and 52), on a symbol not listed. */
    private static String body(final Random random, final int i)
    {
        final String header = "35=%s" + SOH + "49=RAW" + SOH + "56=ENGINE" + SOH;
        switch (random.nextInt(4))
        {
            case 0:
                return String.format(header, "D") + "11=r" + i + SOH + "55=NOPE-USD" + SOH + "54=1" + SOH +
                    "60=20261201-12:00:00" + SOH + "38=0.5" + SOH + "40=2" + SOH + "44=100.25" + SOH + "59=1" + SOH;
            case 1:
                return String.format(header, "F") + "11=r" + i + SOH + "41=o" + i + SOH + "55=NOPE-USD" + SOH +
                    "54=2" + SOH + "60=20261201-12:00:00" + SOH;
            case 2:
                return String.format(header, "G") + "11=r" + i + SOH + "41=o" + i + SOH + "55=NOPE-USD" + SOH +
                    "54=1" + SOH + "60=20261201-12:00:00" + SOH + "38=2" + SOH + "40=2" + SOH + "44=99.99" + SOH;
            default:
                return String.format(header, "q") + "11=r" + i + SOH + "530=1" + SOH + "55=NOPE-USD" + SOH +
                    "60=20261201-12:00:00" + SOH;
        }
    }

    /** One to four bytes overwritten with random ones, a third of them structural: a separator, '=' or a digit. */
    private static byte[] corrupt(final byte[] bytes, final Random random)
    {
        final int flips = 1 + random.nextInt(4);
        for (int k = 0; k < flips; k++)
        {
            final int at = random.nextInt(bytes.length);
            final int kind = random.nextInt(3);
            bytes[at] = kind == 0 ? (byte)random.nextInt(256) : kind == 1 ? (byte)"\u0001=0123456789".charAt(
                random.nextInt(12)) : (byte)(' ' + random.nextInt(95));
        }
        return bytes;
    }

    /**
     * The whole message around a body: BeginString, BodyLength of what follows it up to the checksum, the body with
     * MsgSeqNum and SendingTime put after its first three fields, and the CheckSum of every byte before it.
     */
    private static byte[] frame(final byte[] body, final int sequence)
    {
        final String text = new String(body, StandardCharsets.ISO_8859_1);
        int afterHeader = 0;
        for (int fields = 0; fields < 3 && afterHeader >= 0; fields++)
        {
            afterHeader = text.indexOf(SOH, afterHeader) + 1;
            afterHeader = afterHeader == 0 ? -1 : afterHeader;
        }
        final int at = afterHeader < 0 ? text.length() : afterHeader;
        final String withSequence = text.substring(0, at) + "34=" + sequence + SOH + "52=" +
            ZonedDateTime.now(ZoneOffset.UTC).format(SENDING_TIME) + SOH + text.substring(at);
        final byte[] payload = withSequence.getBytes(StandardCharsets.ISO_8859_1);
        final String head = "8=FIX.4.4" + SOH + "9=" + payload.length + SOH;
        final byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        int sum = 0;
        for (final byte b : headBytes)
        {
            sum += b & 0xFF;
        }
        for (final byte b : payload)
        {
            sum += b & 0xFF;
        }
        final byte[] tail = String.format("10=%03d%c", sum % 256, SOH).getBytes(StandardCharsets.ISO_8859_1);
        final byte[] out = new byte[headBytes.length + payload.length + tail.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(payload, 0, out, headBytes.length, payload.length);
        System.arraycopy(tail, 0, out, headBytes.length + payload.length, tail.length);
        return out;
    }

    /**
     * A FIX session by hand on a socket: logs on with ResetSeqNumFlag (so each connection starts at 1), numbers what
     * it sends, and reads and drops what the acceptor sends on a thread of its own, noting the Logon answer.
     */
    private static final class RawSession
    {
        private final int port;
        private volatile Socket socket;
        private OutputStream out;
        private volatile boolean loggedOn;
        private volatile boolean open;
        private int sequence;

        RawSession(final int port)
        {
            this.port = port;
        }

        /** Connects and logs on; false if the acceptor did not answer the Logon within a few tries. */
        boolean logon() throws InterruptedException
        {
            for (int attempt = 0; attempt < 10; attempt++)
            {
                try
                {
                    connect();
                    sequence = 0;
                    final String logon = "35=A" + SOH + "49=RAW" + SOH + "56=ENGINE" + SOH + "98=0" + SOH + "108=30" +
                        SOH + "141=Y" + SOH;
                    write(frame(logon.getBytes(StandardCharsets.US_ASCII), nextSequence()));
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (!loggedOn && open && System.nanoTime() < deadline)
                    {
                        Thread.sleep(5);
                    }
                    if (loggedOn)
                    {
                        return true;
                    }
                }
                catch (final IOException ex)
                {
                    // The previous connection may still be closing on the acceptor's side: try again.
                }
                close();
                Thread.sleep(200);
            }
            return false;
        }

        int nextSequence()
        {
            return ++sequence;
        }

        boolean isOpen()
        {
            return open;
        }

        void write(final byte[] bytes)
        {
            if (!open)
            {
                return;
            }
            try
            {
                out.write(bytes);
            }
            catch (final IOException ex)
            {
                open = false;
            }
        }

        void close()
        {
            open = false;
            loggedOn = false;
            if (socket != null)
            {
                try
                {
                    socket.close();
                }
                catch (final IOException ex)
                {
                    // Closing a socket the acceptor already closed.
                }
                socket = null;
            }
        }

        private void connect() throws IOException
        {
            close();
            final Socket s = new Socket("127.0.0.1", port);
            s.setTcpNoDelay(true);
            socket = s;
            out = s.getOutputStream();
            open = true;
            final InputStream in = s.getInputStream();
            final Thread reader = new Thread(() -> read(s, in), "raw-fix-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Drops what comes in, noting a Logon (35=A) answer; the connection ends when the acceptor closes it. */
        private void read(final Socket s, final InputStream in)
        {
            final byte[] buffer = new byte[8192];
            final StringBuilder seen = new StringBuilder();
            try
            {
                int n;
                while ((n = in.read(buffer)) > 0)
                {
                    if (!loggedOn)
                    {
                        seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        if (seen.indexOf(SOH + "35=A" + SOH) >= 0)
                        {
                            loggedOn = true;
                        }
                    }
                }
            }
            catch (final IOException ex)
            {
                // The socket was closed, by either side.
            }
            if (socket == s)
            {
                open = false;
            }
        }
    }
}
