package org.mmwinter.quoting.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class AvellanedaStoikovTest
{
    private static final double EXACT = 1e-9;

    @Test
    void paperNumbersGiveReservationAndTotalSpread()
    {
        // s = 100, q = 2, gamma = 0.1, sigma = 2, tau = 1, k = 1.5 (the paper's simulation parameters, q = 2):
        // r = 100 - 2 x 0.1 x 2^2 x 1 = 100 - 0.8 = 99.2
        // total spread = 0.1 x 4 x 1 + (2 / 0.1) ln(1 + 0.1 / 1.5) = 0.4 + 20 ln(16/15)
        //              = 0.4 + 20 x 0.0645385211375712 = 0.4 + 1.2907704227514234 = 1.6907704227514234
        // half = 0.8453852113757117; bid = 99.2 - half = 98.3546147886242883, ask = 100.0453852113757117
        final QuoteResult out = new QuoteResult();
        new AvellanedaStoikov(0.1, 1.0).quote(100.0, 2.0, 2.0, 1.5, 140.0, out);

        assertEquals(99.2, out.reservation, EXACT);
        assertEquals(0.8453852113757117, out.bidHalfSpread, EXACT);
        assertEquals(0.8453852113757117, out.askHalfSpread, EXACT);
        assertEquals(98.3546147886242883, out.bidPrice, EXACT);
        assertEquals(100.0453852113757117, out.askPrice, EXACT);
        // The formula is the TOTAL spread: the quotes are that far apart, not twice it.
        assertEquals(1.6907704227514234, out.askPrice - out.bidPrice, EXACT);
    }

    @Test
    void orderSizeScalesGammaInTheSpreadNotInTheReservation()
    {
        // Delta = 0.5 base units, gamma = 0.2: gamma Delta = 0.1 as above.
        // r = 100 - 2 x 0.2 x 4 x 1 = 98.4 (q in base units, no Delta)
        // total = 0.2 x 4 x 1 x 0.5 + (2 / 0.1) ln(1 + 0.1 / 1.5) = 0.4 + 1.2907704227514234 = 1.6907704227514234
        // bid = 98.4 - 0.8453852113757117 = 97.5546147886242883, ask = 99.2453852113757117
        final QuoteResult out = new QuoteResult();
        new AvellanedaStoikov(0.2, 1.0, 0.5).quote(100.0, 2.0, 2.0, 1.5, 140.0, out);

        assertEquals(98.4, out.reservation, EXACT);
        assertEquals(97.5546147886242883, out.bidPrice, EXACT);
        assertEquals(99.2453852113757117, out.askPrice, EXACT);
    }

    @Test
    void sigmaEntersSquaredInBothTerms()
    {
        // q = 1, gamma = 0.1, tau = 10, k = 1.5, sigma = 3 then 6: the inventory term gamma sigma^2 tau is
        // 0.1 x 9 x 10 = 9 then 0.1 x 36 x 10 = 36: four times, not twice.
        final AvellanedaStoikov model = new AvellanedaStoikov(0.1, 10.0);
        final QuoteResult out = new QuoteResult();
        model.quote(1000.0, 1.0, 3.0, 1.5, 1.0, out);
        assertEquals(1000.0 - 9.0, out.reservation, EXACT);
        final double spreadAtThree = out.askPrice - out.bidPrice;
        model.quote(1000.0, 1.0, 6.0, 1.5, 1.0, out);
        assertEquals(1000.0 - 36.0, out.reservation, EXACT);
        // The order-arrival term 20 ln(16/15) is the same; the spread grows by 36 - 9 = 27.
        assertEquals(27.0, out.askPrice - out.bidPrice - spreadAtThree, EXACT);
    }

    @Test
    void flatInventoryQuotesSymmetricallyAroundTheMid()
    {
        final QuoteResult out = new QuoteResult();
        new AvellanedaStoikov(0.1, 1.0).quote(100.0, 0.0, 2.0, 1.5, 140.0, out);

        assertEquals(100.0, out.reservation, EXACT);
        assertEquals(100.0 - out.bidPrice, out.askPrice - 100.0, EXACT);
    }

    @Test
    void inputsWithoutAQuoteClearTheResult()
    {
        final AvellanedaStoikov model = new AvellanedaStoikov(0.1, 1.0);
        final QuoteResult out = new QuoteResult();
        model.quote(100.0, 0.0, 2.0, 1.5, 140.0, out);
        assertTrue(out.hasQuote());

        model.quote(100.0, 0.0, 2.0, 0.0, 140.0, out);
        assertFalse(out.hasQuote(), "k = 0");
        model.quote(Double.NaN, 0.0, 2.0, 1.5, 140.0, out);
        assertFalse(out.hasQuote(), "mid NaN");
        model.quote(100.0, 0.0, -1.0, 1.5, 140.0, out);
        assertFalse(out.hasQuote(), "negative sigma");
        model.quote(100.0, Double.POSITIVE_INFINITY, 2.0, 1.5, 140.0, out);
        assertFalse(out.hasQuote(), "infinite inventory");
    }

    @Test
    void configurationErrorsNameTheField()
    {
        final IllegalArgumentException gamma =
            assertThrows(IllegalArgumentException.class, () -> new AvellanedaStoikov(0.0, 1.0));
        assertTrue(gamma.getMessage().contains("gamma"), gamma.getMessage());
        final IllegalArgumentException horizon =
            assertThrows(IllegalArgumentException.class, () -> new AvellanedaStoikov(0.1, Double.NaN));
        assertTrue(horizon.getMessage().contains("horizonSeconds"), horizon.getMessage());
        final IllegalArgumentException size =
            assertThrows(IllegalArgumentException.class, () -> new AvellanedaStoikov(0.1, 1.0, -1.0));
        assertTrue(size.getMessage().contains("orderSize"), size.getMessage());
    }
}
