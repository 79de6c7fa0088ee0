package dev.sonda.cli;

import dev.sonda.api.AfterClause;
import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.DelayClause;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.MetricType;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A copy of an {@link Entry} whose fields the flags change before {@link #build()} makes the new entry. */
final class EntryEdit {
    String id;
    String name;
    Signal signal;
    Double rate;
    Duration duration;
    String startTime;
    Map<String, String> labels;
    List<DynamicLabel> dynamicLabels;
    EncoderSpec encoder;
    SinkSpec sink;
    Double jitter;
    Long jitterSeed;
    Gaps gaps;
    Bursts bursts;
    List<CardinalitySpike> cardinalitySpikes;
    Duration phaseOffset;
    String clockGroup;
    AfterClause after;
    WhileClause whileClause;
    DelayClause delay;
    OnSinkError onSinkError;
    MetricType metricType;
    String help;

    /** A new entry with only a name, a signal and a rate; every other field unset. */
    EntryEdit(String name, Signal signal, Double rate) {
        this.name = name;
        this.signal = signal;
        this.rate = rate;
        labels = Map.of();
        dynamicLabels = List.of();
        cardinalitySpikes = List.of();
    }

    EntryEdit(Entry e) {
        id = e.id();
        name = e.name();
        signal = e.signal();
        rate = e.rate();
        duration = e.duration();
        startTime = e.startTime();
        labels = e.labels();
        dynamicLabels = e.dynamicLabels();
        encoder = e.encoder();
        sink = e.sink();
        jitter = e.jitter();
        jitterSeed = e.jitterSeed();
        gaps = e.gaps();
        bursts = e.bursts();
        cardinalitySpikes = e.cardinalitySpikes();
        phaseOffset = e.phaseOffset();
        clockGroup = e.clockGroup();
        after = e.after();
        whileClause = e.whileClause();
        delay = e.delay();
        onSinkError = e.onSinkError();
        metricType = e.metricType();
        help = e.help();
    }

    Entry build() {
        return new Entry(
                id,
                name,
                signal,
                rate,
                duration,
                startTime,
                labels,
                dynamicLabels,
                encoder,
                sink,
                jitter,
                jitterSeed,
                gaps,
                bursts,
                cardinalitySpikes,
                phaseOffset,
                clockGroup,
                after,
                whileClause,
                delay,
                onSinkError,
                metricType,
                help);
    }
}
