package org.mmwinter.engine.process;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTextTest
{
    @Test
    void everyEngineCommandPrintsItsHelpWithoutAWarning()
    {
        final List<List<String>> checked = HelpTexts.assertEveryHelpIsClean(new EngineMain(), EngineMain::new);
        assertTrue(checked.contains(List.of("bench")), "bench's help is among those checked: " + checked);
        assertTrue(checked.size() >= 5, "the engine has its subcommands: " + checked);
    }
}
