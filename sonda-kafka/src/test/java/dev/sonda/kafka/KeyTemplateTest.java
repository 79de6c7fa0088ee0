package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KeyTemplateTest {

    private static String render(String template, String name, Map<String, String> labels) {
        return new String(KeyTemplate.parse(template).render(name, Labels.of(labels)), StandardCharsets.UTF_8);
    }

    @Test
    void placeholdersAreReplacedByTheNameAndLabelValues() {
        assertThat(render("{name}", "cpu", Map.of())).isEqualTo("cpu");
        assertThat(render("{labels.host}:{name}", "cpu", Map.of("host", "h1"))).isEqualTo("h1:cpu");
        assertThat(render("dc-{labels.dc}", "cpu", Map.of()))
                .as("a missing label renders as nothing")
                .isEqualTo("dc-");
        assertThat(render("{labels.a.b}", "x", Map.of("a.b", "dotted"))).isEqualTo("dotted");
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertThat(render("{{{name}}}", "cpu", Map.of())).isEqualTo("{cpu}");
        assertThat(render("}}{{", "cpu", Map.of())).isEqualTo("}{");
    }

    @Test
    void theKeyIsUtf8() {
        assertThat(KeyTemplate.parse("→{name}").render("é", Labels.empty()))
                .isEqualTo("→é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLabelKeysAreListedInOrderOfFirstUse() {
        assertThat(KeyTemplate.parse("{labels.b}{name}{labels.a}{labels.b}").labelKeys())
                .containsExactly("b", "a");
    }

    @Test
    void malformedTemplatesSayWhereAndWhatToWrite() {
        assertThatThrownBy(() -> KeyTemplate.parse("a{host}"))
                .hasMessage("key template 'a{host}' has an unknown placeholder '{host}' at character 2; use {name} or"
                        + " {labels.KEY}, and {{ or }} for a literal brace");
        assertThatThrownBy(() -> KeyTemplate.parse("{labels.}"))
                .hasMessageContaining("unknown placeholder '{labels.}'");
        assertThatThrownBy(() -> KeyTemplate.parse("{name"))
                .hasMessage("key template '{name' has an unclosed '{' at character 1; close it, or write {{ for a"
                        + " literal brace");
        assertThatThrownBy(() -> KeyTemplate.parse("a}b"))
                .hasMessage("key template 'a}b' has a single '}' at character 2; write }} for a literal brace");
    }

    @Property
    void textWithoutBracesIsItsOwnKey(@ForAll String text) {
        String literal = text.replace("{", "").replace("}", "");
        assertThat(render(literal, "ignored", Map.of())).isEqualTo(literal);
    }
}
