package org.mmwinter.replay.l2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Test inputs of the {@code replay l2} tests: the real samples copied out of the test resources, hand-written files,
 * and gzip copies, all in a temporary directory.
 */
final class L2TestFiles
{
    static final String DERIBIT = "deribit_incremental_book_L2_BTC-PERPETUAL.csv";
    static final String BINANCE = "binance-futures_book_snapshot_5_BTCUSDT.csv";
    static final String BOOK_HEADER = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n";
    static final String TRADES_HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n";

    private L2TestFiles()
    {
    }

    static Path resource(final Path dir, final String name) throws IOException
    {
        final Path file = dir.resolve(name);
        try (InputStream in = L2TestFiles.class.getResourceAsStream("/l2/" + name))
        {
            Files.copy(in, file);
        }
        return file;
    }

    static Path write(final Path dir, final String name, final String text) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A gzip copy named {@code name}.gz beside it. */
    static Path gzip(final Path file) throws IOException
    {
        final Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz)))
        {
            Files.copy(file, out);
        }
        return gz;
    }
}
