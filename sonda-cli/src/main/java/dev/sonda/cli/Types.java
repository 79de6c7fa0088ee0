package dev.sonda.cli;

import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.util.Iterator;

/** The type names of the registry, as picocli completion candidates and in help texts. */
final class Types {
    private Types() {}

    /** Every accepted name of {@code kind}, aliases included, sorted. */
    static Iterable<String> of(SpecKind kind) {
        return SpecRegistry.defaults().names(kind);
    }

    /** The sink types, for {@code --sink}. */
    static final class Sinks implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return of(SpecKind.SINK).iterator();
        }
    }

    /** The encoder types, for {@code --encoder}. */
    static final class Encoders implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return of(SpecKind.ENCODER).iterator();
        }
    }

    /** The metric generator types, for {@code --value-mode}. */
    static final class Generators implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return of(SpecKind.GENERATOR).iterator();
        }
    }

    /** The log generator types, for {@code --mode}. */
    static final class LogGenerators implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return of(SpecKind.LOG_GENERATOR).iterator();
        }
    }
}
