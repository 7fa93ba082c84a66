package org.mmwinter.replay;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.process.HelpTexts;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTextTest
{
    @Test
    void everyReplayCommandPrintsItsHelpWithoutAWarning()
    {
        final List<List<String>> checked = HelpTexts.assertEveryHelpIsClean(new ReplayMain(), ReplayMain::new);
        // crash's --amm-fee-bps said "0.3 %": picocli warned on every `replay crash --help`.
        assertTrue(checked.contains(List.of("crash")), "crash's help is among those checked: " + checked);
    }
}
