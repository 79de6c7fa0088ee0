package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import org.junit.jupiter.api.Test;

class ScanWindowReaderTest {

    /**
     * SnakeYAML reads 1,024 characters at a time and, when the last one is a high surrogate, reads
     * one more into the same 1,024-character buffer, past its end. The reader never ends a full
     * read on a high surrogate, so an emoji may straddle any position.
     */
    @Test
    void aSupplementaryCharacterAcrossTheScannersBufferBoundaryLoads() {
        for (int shift = 0; shift < 4; shift++) {
            String head = "version: 2\nkind: runnable\nscenarios:\n  - signal_type: logs\n    name: \"";
            String pad = "a".repeat(1023 - head.length() - shift);
            String yaml = head + pad + "x".repeat(shift) + "😀\"\n    rate: 1\n    log_generator:\n"
                    + "      type: template\n      templates:\n        - message: hi\n";

            ScenarioPlan plan = ScenarioLoader.load(yaml, "emoji.yaml");

            assertThat(plan.entries().get(0).name()).endsWith("x".repeat(shift) + "😀");
        }
    }
}
