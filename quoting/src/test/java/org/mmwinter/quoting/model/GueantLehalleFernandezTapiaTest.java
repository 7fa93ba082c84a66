package org.mmwinter.quoting.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class GueantLehalleFernandezTapiaTest
{
    private static final double EXACT = 1e-9;

    /**
     * gamma = 0.5, Delta = 1, k = 0.5, A = 1, sigma = 1, s = 100: gamma Delta / k = 1, so
     * c = (1/0.5) ln 2 = 1.3862943611198906 and (1 + 1)^(1 + 1) = 4, omega = sqrt(0.5 x 1 / (2 x 1 x 1 x 0.5) x 4)
     * = sqrt(2) = 1.4142135623730951; half spread = c + omega / 2 = 2.0934011423064383.
     */
    private static final double C = 1.3862943611198906;
    private static final double OMEGA = 1.4142135623730951;

    @Test
    void flatInventoryIsSymmetric()
    {
        // q = 0: delta_b = delta_a = c + omega / 2 = 2.0934011423064383
        // bid = 100 - 2.0934011423064383 = 97.9065988576935617, ask = 102.0934011423064383
        final QuoteResult out = new QuoteResult();
        new GueantLehalleFernandezTapia(0.5, 1.0).quote(100.0, 0.0, 1.0, 0.5, 1.0, out);

        assertEquals(100.0, out.reservation, EXACT);
        assertEquals(2.0934011423064383, out.bidHalfSpread, EXACT);
        assertEquals(2.0934011423064383, out.askHalfSpread, EXACT);
        assertEquals(97.9065988576935617, out.bidPrice, EXACT);
        assertEquals(102.0934011423064383, out.askPrice, EXACT);
    }

    @Test
    void longInventoryLowersBothQuotes()
    {
        // q = 1: delta_b = c + (2 + 1)/2 omega = 1.3862943611198906 + 2.1213203435596427 = 3.5076147046795333
        //        delta_a = c - (2 - 1)/2 omega = 1.3862943611198906 - 0.7071067811865476 = 0.6791875799333430
        // bid = 96.4923852953204667, ask = 100.6791875799333430, reservation = 100 - omega = 98.5857864376269049
        final QuoteResult out = new QuoteResult();
        new GueantLehalleFernandezTapia(0.5, 1.0).quote(100.0, 1.0, 1.0, 0.5, 1.0, out);

        assertEquals(96.4923852953204667, out.bidPrice, EXACT);
        assertEquals(100.6791875799333430, out.askPrice, EXACT);
        assertEquals(98.5857864376269049, out.reservation, EXACT);
        assertEquals(C + 0.5 * OMEGA, out.bidHalfSpread, EXACT);
        assertTrue(out.bidPrice < 97.9065988576935617 && out.askPrice < 102.0934011423064383, out.toString());

        // Short one: the mirror image, both quotes higher.
        new GueantLehalleFernandezTapia(0.5, 1.0).quote(100.0, -1.0, 1.0, 0.5, 1.0, out);
        assertEquals(100.0 - 0.6791875799333430, out.bidPrice, EXACT);
        assertEquals(100.0 + 3.5076147046795333, out.askPrice, EXACT);
    }

    @Test
    void widensWithSigma()
    {
        // omega is linear in sigma: at sigma = 2 it is 2 sqrt(2), the half spread c + sqrt(2) = 2.8005079234929857.
        final QuoteResult out = new QuoteResult();
        new GueantLehalleFernandezTapia(0.5, 1.0).quote(100.0, 0.0, 2.0, 0.5, 1.0, out);

        assertEquals(2.8005079234929857, out.bidHalfSpread, EXACT);
        assertTrue(out.bidHalfSpread > 2.0934011423064383);
    }

    @Test
    void largerGammaSkewsMore()
    {
        // The skew per unit of inventory is omega; gamma = 1 (gamma Delta / k = 2): omega = sqrt(1 x 1 / (2 x 1 x
        // 1 x 0.5) x 3^(1.5)) = sqrt(5.196152422706632) = 2.2795070569547775 > sqrt(2).
        final QuoteResult out = new QuoteResult();
        new GueantLehalleFernandezTapia(1.0, 1.0).quote(100.0, 1.0, 1.0, 0.5, 1.0, out);

        assertEquals(100.0 - 2.2795070569547775, out.reservation, EXACT);
        assertTrue(100.0 - out.reservation > OMEGA);
    }

    @Test
    void orderSizeMeansGammaPerLotAndInventoryInLots()
    {
        // Gueant (2017) (4.6)-(4.7) with gamma = 0.2 per base unit and Delta = 0.5 is the 2013 formula with
        // gamma Delta = 0.1 per lot and q / Delta lots: q = 1 base unit here quotes like q = 2 lots of size 1 there.
        final QuoteResult sized = new QuoteResult();
        final QuoteResult perLot = new QuoteResult();
        new GueantLehalleFernandezTapia(0.2, 0.5).quote(100.0, 1.0, 1.5, 0.8, 2.0, sized);
        new GueantLehalleFernandezTapia(0.1, 1.0).quote(100.0, 2.0, 1.5, 0.8, 2.0, perLot);

        assertEquals(perLot.bidPrice, sized.bidPrice, EXACT);
        assertEquals(perLot.askPrice, sized.askPrice, EXACT);
    }

    @Test
    void tinyGammaTendsToTheRiskNeutralDepth()
    {
        // gamma = 0.5e-12, k = 0.5, Delta = 1: x = gamma Delta / k = 1e-12.
        // c = (1/gamma) ln(1 + x) = (1/gamma)(x - x^2/2 + ...) = (1/k)(1 - x/2) = 2 - 1e-12 (tends to 1/k)
        // (1 + x)^(1 + 1/x) = exp((1 + 1/x)(x - x^2/2)) = exp(1 + x/2) = e (1 + 5e-13)
        // omega = sqrt(0.5e-12 x 1 / (2 x 1 x 1 x 0.5) x e (1 + 5e-13)) = 1.1658219907988536e-6
        // half spread = 2 - 1e-12 + 0.5 x 1.1658219907988536e-6 = 2.0000005829099954
        // (1 + x) rounded to a double is off by up to 1.1e-16, a 1e-4 relative error in ln(1 + x): log1p avoids it.
        final QuoteResult out = new QuoteResult();
        new GueantLehalleFernandezTapia(0.5e-12, 1.0).quote(100.0, 0.0, 1.0, 0.5, 1.0, out);

        assertEquals(2.0000005829099954, out.bidHalfSpread, 1e-13);
    }

    @Test
    void inputsWithoutAQuoteClearTheResult()
    {
        final GueantLehalleFernandezTapia model = new GueantLehalleFernandezTapia(0.5, 1.0);
        final QuoteResult out = new QuoteResult();
        model.quote(100.0, 0.0, 1.0, 0.5, 0.0, out);
        assertFalse(out.hasQuote(), "A = 0");
        model.quote(100.0, 0.0, 1.0, -0.5, 1.0, out);
        assertFalse(out.hasQuote(), "negative k");
        model.quote(0.0, 0.0, 1.0, 0.5, 1.0, out);
        assertFalse(out.hasQuote(), "mid 0");
    }

    @Test
    void configurationErrorsNameTheField()
    {
        final IllegalArgumentException gamma =
            assertThrows(IllegalArgumentException.class, () -> new GueantLehalleFernandezTapia(-1.0, 1.0));
        assertTrue(gamma.getMessage().contains("gamma"), gamma.getMessage());
        final IllegalArgumentException size =
            assertThrows(IllegalArgumentException.class, () -> new GueantLehalleFernandezTapia(0.1, 0.0));
        assertTrue(size.getMessage().contains("orderSize"), size.getMessage());
    }
}
