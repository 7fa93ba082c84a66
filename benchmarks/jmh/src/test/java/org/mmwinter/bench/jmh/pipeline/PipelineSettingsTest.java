package org.mmwinter.bench.jmh.pipeline;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The A/B switch {@code -Dbench.pipeline.pretouch}: unset is the engine as shipped (on), {@code false} turns the
 * pretoucher off, and any other value is refused rather than measured as one or the other.
 */
final class PipelineSettingsTest
{
    private static final Path DATA = Path.of("unused-data");

    @AfterEach
    void clearProperty()
    {
        System.clearProperty(PipelineSettings.PRETOUCH_PROPERTY);
    }

    @Test
    void pretouchIsOnUnlessTurnedOffAndAnUnknownValueIsRefused()
    {
        assertTrue(PipelineSettings.config(DATA, "on", "split").journalPretouch());
        System.setProperty(PipelineSettings.PRETOUCH_PROPERTY, "false");
        assertFalse(PipelineSettings.config(DATA, "on", "split").journalPretouch());
        System.setProperty(PipelineSettings.PRETOUCH_PROPERTY, "true");
        assertTrue(PipelineSettings.config(DATA, "on", "split").journalPretouch());
        System.setProperty(PipelineSettings.PRETOUCH_PROPERTY, "off");
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> PipelineSettings.config(DATA, "on", "split"));
        assertEquals("-Dbench.pipeline.pretouch is true or false, not off", refused.getMessage());
    }
}
