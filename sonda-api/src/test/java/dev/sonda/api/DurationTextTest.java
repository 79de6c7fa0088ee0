package dev.sonda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "30s, 30000000",
        "1.5m, 90000000",
        "250ms, 250000",
        "2h, 7200000000",
        "+5s, 5000000",
        "1e3ms, 1000000",
        ".5s, 500000",
        "0.0000015s, 1",
        "0.0000019s, 1"
    })
    void parsesTheReferenceGrammarToWholeMicroseconds(String text, long micros) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofNanos(micros * 1000));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10| unrecognized duration unit in \"10\": expected one of ms, s, m, h",
                "s| duration \"s\" has no numeric value before the unit",
                "-5s| duration \"-5s\" must be positive",
                "0s| duration \"0s\" must be greater than zero",
                "abcs| duration \"abcs\" has an invalid numeric part \"abc\"",
                "' 5s'| duration \" 5s\" has an invalid numeric part \" 5\"",
                "infs| duration \"infs\" must be greater than zero",
                "0x10s| duration \"0x10s\" has an invalid numeric part \"0x10\""
            })
    void rejectsWhatTheReferenceRejectsWithItsMessage(String text, String message) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message.strip());
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> DurationText.parse("")).hasMessage("duration must not be empty");
    }

    @Test
    void delaysAcceptZeroInEveryUnitAndBare() {
        assertThat(DurationText.parseDelay("0")).isZero();
        assertThat(DurationText.parseDelay("0s")).isZero();
        assertThat(DurationText.parseDelay("0.0m")).isZero();
        assertThat(DurationText.parseDelay("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> DurationText.parseDelay("-0s")).hasMessageContaining("must be positive");
    }

    @Test
    void optionalDurationsTreatZeroWithAUnitAsDisabledButRejectABareZero() {
        assertThat(DurationText.parseOptional("0s")).isZero();
        assertThatThrownBy(() -> DurationText.parseOptional("0")).hasMessageContaining("unrecognized duration unit");
    }

    @ParameterizedTest
    @CsvSource({
        "60, 1m",
        "152.3077, 152.308s",
        "85, 85s",
        "3, 3s",
        "1, 1s",
        "27.9310344827586, 27.931s",
        "90, 90s",
        "7200, 2h",
        "0.0004, 0s",
        "0, 0s",
        "-3, 0s",
        "1.2, 1.2s",
        "90.5, 90.5s"
    })
    void formatsResolvedOffsetsAsTheReferenceCompilerDoes(double seconds, String text) {
        assertThat(DurationText.formatSeconds(seconds)).isEqualTo(text);
    }
}
