package dev.sonda.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.workload.Workload;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Sonda;
import dev.sonda.testing.Backends;
import dev.sonda.yaml.ScenarioLoader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under deploy/ render offline with {@code kubectl kustomize} (Debian
 * package {@code kubectl}): a Deployment and Service for the server, a StatefulSet whose pods take
 * their shard from their ordinal, its headless Service for scraping, and a ConfigMap holding a
 * workload scenario that loads and compiles.
 */
class DeployManifestsTest {
    private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

    private static Map<String, JsonNode> render() throws Exception {
        if (!Files.isExecutable(KUBECTL)) {
            Backends.missing(KUBECTL + " is missing: install it with `apt-get install kubectl`");
        }
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process p = new ProcessBuilder(KUBECTL.toString(), "kustomize", "../deploy")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isZero();
            Map<String, JsonNode> byKindAndName = new HashMap<>();
            try (MappingIterator<JsonNode> docs =
                    new YAMLMapper().readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNext()) {
                    JsonNode d = docs.next();
                    byKindAndName.put(
                            d.get("kind").asText() + "/"
                                    + d.get("metadata").get("name").asText(),
                            d);
                }
            }
            return byKindAndName;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void theManifestsRenderToTheServerAndAShardedWorkload() throws Exception {
        Map<String, JsonNode> docs = render();

        assertThat(docs.keySet())
                .contains(
                        "Namespace/sonda",
                        "Deployment/sonda-server",
                        "Service/sonda-server",
                        "StatefulSet/sonda-workload",
                        "Service/sonda-workload");
        JsonNode sts = docs.get("StatefulSet/sonda-workload");
        int replicas = sts.get("spec").get("replicas").asInt();
        JsonNode container =
                sts.get("spec").get("template").get("spec").get("containers").get(0);
        Map<String, JsonNode> env = new HashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e));
        assertThat(env.get("SONDA_SHARD_INDEX")
                        .get("valueFrom")
                        .get("fieldRef")
                        .get("fieldPath")
                        .asText())
                .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
        assertThat(env.get("SONDA_SHARD").get("value").asText()).isEqualTo("$(SONDA_SHARD_INDEX)/" + replicas);
        assertThat(container.get("image").asText()).isEqualTo("ghcr.io/sonda-jvm/sonda:0.1.0");
        assertThat(docs.get("Service/sonda-workload")
                        .get("spec")
                        .get("clusterIP")
                        .asText())
                .isEqualTo("None");
        assertThat(docs.get("Deployment/sonda-server")
                        .get("spec")
                        .get("template")
                        .get("spec")
                        .get("containers")
                        .get(0)
                        .get("args")
                        .toString())
                .startsWith("[\"server\"");
    }

    @Test
    void theConfigMapsScenarioLoadsAndItsShardsCoverTheWorkload() throws Exception {
        Map<String, JsonNode> docs = render();
        JsonNode cm = docs.entrySet().stream()
                .filter(e -> e.getKey().startsWith("ConfigMap/sonda-workload-scenario"))
                .findFirst()
                .orElseThrow()
                .getValue();
        String scenario = cm.get("data").get("scenario.yaml").asText();
        JsonNode sts = docs.get("StatefulSet/sonda-workload");
        String volumeConfigMap = sts.get("spec")
                .get("template")
                .get("spec")
                .get("volumes")
                .get(0)
                .get("configMap")
                .get("name")
                .asText();
        assertThat(volumeConfigMap).isEqualTo(cm.get("metadata").get("name").asText());

        ScenarioPlan plan = ScenarioLoader.load(scenario, "scenario.yaml");
        Workload w = ((Signal.Workload) plan.entries().get(0).signal()).workload();
        assertThat(w.scrape().port()).isEqualTo(9464);
        assertThat(w.control().port()).isEqualTo(9465);
        List<CompiledEntry> compiled = new ArrayList<>(Sonda.compile(plan).entries());
        assertThat(compiled.get(0).runtime().workload().totalSeries()).isEqualTo(2_000_000L);
        assertThat(new File("../deploy/kustomization.yaml")).exists();
    }
}
