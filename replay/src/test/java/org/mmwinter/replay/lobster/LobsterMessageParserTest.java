package org.mmwinter.replay.lobster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Message lines as LOBSTER writes them, and the ways a line can be wrong.
 */
final class LobsterMessageParserTest
{
    private final LobsterMessageParser parser = new LobsterMessageParser();
    private final LobsterMessage message = new LobsterMessage();

    @Test
    void readsTimesToTheNanosecondAndNegativeIdsAndPrices()
    {
        // 34200.004241176 s = 34,200,004,241,176 ns.
        assertTrue(parser.parse("34200.004241176,1,16113575,18,5853300,1", message), parser.error());
        assertEquals(34_200_004_241_176L, message.timeNs);
        assertEquals(1, message.type);
        assertEquals(16_113_575, message.orderId);
        assertEquals(18, message.size);
        assertEquals(5_853_300, message.price);
        assertEquals(LobsterMessage.BUY, message.direction);
        // 34200.01746 s: five decimals padded to nine, 34,200,017,460,000 ns.
        assertTrue(parser.parse("34200.01746,5,0,1,2238200,-1", message), parser.error());
        assertEquals(34_200_017_460_000L, message.timeNs);
        assertEquals(LobsterMessage.SELL, message.direction);
        // A cross trade's id is negative; a halt's price is -1; a whole second and a Windows line end are fine.
        assertTrue(parser.parse("34200,6,-1,500,2238200,-1\r", message), parser.error());
        assertEquals(34_200_000_000_000L, message.timeNs);
        assertEquals(-1, message.orderId);
        assertTrue(parser.parse("45000.5,7,0,0,-1,-1", message), parser.error());
        assertEquals(LobsterMessage.HALT_PRICE, message.price);
        // A cross trade may come without a side.
        assertTrue(parser.parse("34200,6,-2,500,2238200,0", message), parser.error());
        assertEquals(LobsterMessage.NO_DIRECTION, message.direction);
    }

    @Test
    void refusesWhatIsNotAMessageNamingTheField()
    {
        assertRefused("34200.1,1,1,10,1000", "expected 6 columns, found 5");
        assertRefused("34200.1,1,1,10,1000,1,7", "expected 6 columns, found more");
        assertRefused("", "expected 6 columns, found 1");
        assertRefused(",1,1,10,1000,1", "field time: not a number ''");
        assertRefused("-34200.1,1,1,10,1000,1", "field time: not a number '-34200.1'");
        assertRefused("34200.1234567891,1,1,10,1000,1", "field time: more than 9 decimals '34200.1234567891'");
        assertRefused("34200.1,0,1,10,1000,1", "field type: unknown event type '0' (1 to 7)");
        assertRefused("34200.1,8,1,10,1000,1", "field type: unknown event type '8' (1 to 7)");
        assertRefused("34200.1,1,1a,10,1000,1", "field order_id: not a number '1a'");
        assertRefused("34200.1,1,1,-10,1000,1", "field size: negative '-10'");
        assertRefused("34200.1,1,1,10,1000,2", "field direction: '2' is neither 1 (buy) nor -1 (sell)");
        assertRefused("34200.1,4,1,10,1000,0", "field direction: '0' is neither 1 (buy) nor -1 (sell)");
        assertRefused("45000.5,7,0,0,2,-1", "field price: a type 7 price is -1 (halt), 0 (quoting) or 1 (trading), " +
            "not '2'");
        assertRefused("34200.1,1,1,10,99999999999999999999,1", "field price: too large '99999999999999999999'");
    }

    private void assertRefused(final String line, final String error)
    {
        assertFalse(parser.parse(line, message), line);
        assertEquals(error, parser.error());
    }
}
