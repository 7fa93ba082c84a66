package org.mmwinter.engine.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mmwinter.engine.core.BookVisitor;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;

/**
 * A 64-bit fingerprint of the engine's state: every resting order (symbol, side, price, remaining qty, account name,
 * client order id as text) in priority order, instruments by symbol, then the counts of commands and trades and the
 * last engine order id given (so a recovery that would hand out an id twice shows). Two runs over the same commands
 * give the same digest whichever front end fed them, which is how recovery is checked from outside.
 */
public final class StateDigest implements BookVisitor
{
    private static final long PRIME = 0x100000001B3L;

    private long hash;
    private AccountRegistry accounts;
    private String symbol;

    /**
     * Digest of the whole state; not for the hot path (it walks every order).
     */
    public static long compute(final MatchingEngine engine, final AccountRegistry accounts)
    {
        return new StateDigest().digest(engine, accounts);
    }

    /**
     * The digest as printed by the tools: {@code 16} lower-case hex digits.
     */
    public static String toHex(final long digest)
    {
        final String hex = Long.toHexString(digest);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    private long digest(final MatchingEngine engine, final AccountRegistry accounts)
    {
        this.accounts = accounts;
        hash = 0xCBF29CE484222325L;
        final int count = engine.instrumentCount();
        final String[] symbols = new String[count];
        for (int i = 0; i < count; i++)
        {
            symbols[i] = engine.instrument(i).symbol();
        }
        Arrays.sort(symbols);
        for (final String sym : symbols)
        {
            symbol = sym;
            engine.forEachOrder(engine.instrumentId(sym), this);
        }
        mix(engine.commandCount());
        mix(engine.tradeCount());
        mix(engine.lastOrderId());
        return finish(hash);
    }

    public void onOrder(
        final int instrumentId,
        final int side,
        final long price,
        final long qty,
        final int accountId,
        final ClientOrderId clientOrderId,
        final long orderId)
    {
        mix(symbol);
        mix(side);
        mix(price);
        mix(qty);
        mix(accounts.nameOrId(accountId));
        mix(clientOrderId);
    }

    /**
     * The id as its text, the way {@link #mix(String)} mixes an ASCII string: the digest is of what clients wrote.
     */
    private void mix(final ClientOrderId id)
    {
        final int length = id.length();
        mix(length);
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ id.charAt(i)) * PRIME;
        }
    }

    private void mix(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        mix(bytes.length);
        for (final byte b : bytes)
        {
            hash = (hash ^ (b & 0xFF)) * PRIME;
        }
    }

    private void mix(final long value)
    {
        long v = value;
        for (int i = 0; i < 8; i++)
        {
            hash = (hash ^ (v & 0xFF)) * PRIME;
            v >>>= 8;
        }
    }

    private static long finish(final long h)
    {
        long x = h;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return x;
    }
}
