package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.SondaException;
import dev.sonda.api.generator.GeneratorSpec;
import org.junit.jupiter.api.Test;

class GeneratorRegistryTest {
    private static final String[] BUILT_INS = {"constant", "sine", "sawtooth", "uniform", "sequence", "step", "spike"};

    /** A second provider of {@code sine}. */
    public static final class OtherSine implements GeneratorProvider {
        @Override
        public String type() {
            return "sine";
        }

        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            return tick -> 0.0;
        }
    }

    private static GeneratorProvider providerOf(String type) {
        return new GeneratorProvider() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public ValueGenerator create(GeneratorSpec spec, double rate) {
                return tick -> 0.0;
            }
        };
    }

    @Test
    void serviceLoaderFindsTheSevenBuiltInCoreGenerators() {
        GeneratorRegistry loaded = GeneratorRegistry.load(getClass().getClassLoader());
        assertThat(loaded.types()).contains(BUILT_INS);
        assertThat(loaded.find("sine")).isInstanceOf(SineGenerator.Provider.class);
        assertThat(loaded.find("spike")).isInstanceOf(SpikeGenerator.Provider.class);
    }

    @Test
    void theGlobalRegistryHoldsTheBuiltIns() {
        assertThat(GeneratorRegistry.global().types()).contains(BUILT_INS);
        assertThat(GeneratorRegistry.global()).isSameAs(GeneratorRegistry.global());
    }

    @Test
    void anEmptyRegistryFindsNothing() {
        GeneratorRegistry registry = new GeneratorRegistry();
        assertThat(registry.types()).isEmpty();
        assertThat(registry.find("sine")).isNull();
    }

    @Test
    void registeringASecondProviderForOneTypeFailsNamingBothClasses() {
        GeneratorRegistry registry = new GeneratorRegistry();
        registry.register(new SineGenerator.Provider());
        assertThatThrownBy(() -> registry.register(new OtherSine()))
                .isInstanceOf(SondaException.class)
                .hasMessageContaining("'sine'")
                .hasMessageContaining(SineGenerator.Provider.class.getName())
                .hasMessageContaining(OtherSine.class.getName());
        assertThat(registry.find("sine")).isInstanceOf(SineGenerator.Provider.class);
    }

    @Test
    void aliasTypesAreReservedForTheEngine() {
        GeneratorRegistry registry = new GeneratorRegistry();
        for (String alias : new String[] {"steady", "flap", "saturation", "leak", "degradation", "spike_event"}) {
            assertThatThrownBy(() -> registry.register(providerOf(alias)))
                    .isInstanceOf(SondaException.class)
                    .hasMessageContaining("reserved");
        }
    }

    @Test
    void anEmptyTypeIsRejected() {
        assertThatThrownBy(() -> new GeneratorRegistry().register(providerOf("")))
                .isInstanceOf(SondaException.class)
                .hasMessageContaining("empty type");
    }

    @Test
    void registeredProvidersAreListedInOrder() {
        GeneratorRegistry registry = new GeneratorRegistry();
        registry.register(providerOf("zeta"));
        registry.register(providerOf("alpha"));
        assertThat(registry.types()).containsExactly("alpha", "zeta");
    }
}
