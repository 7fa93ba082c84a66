package org.mmwinter.replay.lobster;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The LOBSTER samples shipped as test resources (see {@code src/test/resources/lobster/README.md}).
 */
final class LobsterSamples
{
    static final String AMZN_MESSAGES = "AMZN_2012-06-21_34200000_57600000_message_1.csv.gz";
    static final String AMZN_BOOK = "AMZN_2012-06-21_34200000_57600000_orderbook_1.csv.gz";
    static final String AAPL_MESSAGES = "AAPL_2012-06-21_34200000_57600000_message_10.csv.gz";
    static final String AAPL_BOOK = "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv.gz";

    private LobsterSamples()
    {
    }

    static Path resource(final String name)
    {
        final URL url = LobsterSamples.class.getResource("/lobster/" + name);
        if (url == null)
        {
            throw new IllegalStateException("missing test resource lobster/" + name);
        }
        try
        {
            return Path.of(url.toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
