package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.yaml.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@link Preview}: the SVG is parsed with the JDK's XML parser; a series' drawn extent, read back
 * through the panel's axis scale, is its minimum and maximum computed here from the generator's
 * formula; marks sit where the scenario's gaps, {@code after:} and {@code while:} put them.
 */
class PreviewTest extends CapturedConsole {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir
    Path tmp;

    private static ScenarioPlan plan(String yaml) {
        return ScenarioLoader.load("version: 2\nkind: runnable\n" + yaml, "test.yaml", name -> null);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The panel group of the series whose title starts with {@code name}. */
    private static Element panel(Document d, String name) {
        NodeList groups = d.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("data-title").startsWith(name)) {
                return g;
            }
        }
        throw new AssertionError("no panel for " + name);
    }

    private static List<Element> children(Element g, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = g.getElementsByTagNameNS(SVG_NS, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    /** Every point of the panel's traces as {x, y}. */
    private static List<double[]> points(Element g) {
        List<double[]> out = new ArrayList<>();
        for (Element p : children(g, "polyline", "trace")) {
            for (String xy : p.getAttribute("points").trim().split("\\s+")) {
                String[] c = xy.split(",");
                out.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])});
            }
        }
        return out;
    }

    @Test
    void theSvgIsWellFormedAndASeriesDrawnExtentIsItsMinimumAndMaximum() throws Exception {
        // 40·sin(2π·t/60) + 50 at 1/s for 2 minutes: exactly 90 at t = 15 s and 10 at t = 45 s
        ScenarioPlan plan = plan("scenarios:\n  - signal_type: metrics\n    name: cpu\n    rate: 1\n    duration: 2m\n"
                + "    generator: {type: sine, amplitude: 40, period_secs: 60, offset: 50}\n");

        Document d = parse(Preview.svg(plan));

        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        Element g = panel(d, "cpu");
        double top = attr(children(g, "line", "ymax").get(0), "y1");
        double bottom = attr(children(g, "line", "ymin").get(0), "y1");
        double vmax = Double.parseDouble(children(g, "text", "ymax").get(0).getTextContent());
        double vmin = Double.parseDouble(children(g, "text", "ymin").get(0).getTextContent());
        List<double[]> pts = points(g);
        double yTop = pts.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double yBottom = pts.stream().mapToDouble(p -> p[1]).max().orElseThrow();

        assertThat(vmax).isEqualTo(50 + 40 * Math.sin(2 * Math.PI * 15 / 60));
        assertThat(vmin).isEqualTo(50 + 40 * Math.sin(2 * Math.PI * 45 / 60));
        assertThat(vmin + (bottom - yTop) / (bottom - top) * (vmax - vmin)).isCloseTo(90, within(1e-9));
        assertThat(vmin + (bottom - yBottom) / (bottom - top) * (vmax - vmin)).isCloseTo(10, within(1e-9));
        double left = pts.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double right = pts.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double plotLeft = attr(children(g, "rect", "plot").get(0), "x");
        double plotWidth = attr(children(g, "rect", "plot").get(0), "width");
        assertThat(left - plotLeft).as("the first sample at 0 s").isLessThan(1);
        assertThat(right - plotLeft)
                .as("the last sample at 119 s of 120")
                .isCloseTo(plotWidth * 119 / 120, within(1.0));
    }

    @Test
    void gapWindowsAreShadedWhereTheirCyclesPutThem() throws Exception {
        // gaps: the tail [15 s, 20 s) of each 20 s cycle, three cycles in 60 s
        ScenarioPlan plan = plan("scenarios:\n  - signal_type: metrics\n    name: g\n    rate: 2\n    duration: 60s\n"
                + "    generator: {type: constant, value: 1}\n    gaps: {every: 20s, for: 5s}\n");

        Element g = panel(parse(Preview.svg(plan)), "g");
        List<Element> gaps = children(g, "rect", "gap");
        Element plot = children(g, "rect", "plot").get(0);
        double x0 = attr(plot, "x");
        double w = attr(plot, "width");

        assertThat(gaps).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(attr(gaps.get(i), "x")).isCloseTo(x0 + w * (15 + 20 * i) / 60.0, within(0.01));
            assertThat(attr(gaps.get(i), "width")).isCloseTo(w * 5 / 60.0, within(0.01));
        }
        assertThat(children(g, "polyline", "trace")).as("one stretch per cycle").hasSize(3);
    }

    @Test
    void aWhileGatesSilencesAreShadedAndAnAfterStartIsMarked() throws Exception {
        ScenarioPlan plan = plan("scenarios:\n"
                + "  - id: link\n    signal_type: metrics\n    name: link_up\n    rate: 1\n    duration: 60s\n"
                + "    generator: {type: flap, up_duration: 10s, down_duration: 10s}\n"
                + "  - id: traffic\n    signal_type: metrics\n    name: traffic\n    rate: 1\n    duration: 60s\n"
                + "    generator: {type: constant, value: 5}\n    while: {ref: link, op: '>', value: 0}\n"
                + "  - id: backup\n    signal_type: metrics\n    name: backup\n    rate: 1\n    duration: 30s\n"
                + "    generator: {type: constant, value: 7}\n    after: {ref: link, op: '<', value: 1}\n");

        Preview p = Preview.of(dev.sonda.engine.Sonda.compile(plan), null);
        Document d = parse(p.svg());

        List<Element> closed = children(panel(d, "traffic"), "rect", "closed");
        assertThat(closed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(closed.get(0).getTextContent()).isEqualTo("while: link > 0 closed");
        Element start = children(panel(d, "backup"), "line", "start").get(0);
        assertThat(start.getTextContent()).isEqualTo("after: link < 1 at 10s");
        assertThat(p.horizon()).hasSeconds(60);
        String text = p.text(100);
        assertThat(text).contains("▲ after: link < 1 at 10s").contains("▒ while: link > 0 closed (10s–20s");
    }

    @Test
    void theTerminalChartHasABrailleBlockPerSeriesWithItsRangeAndMarks() {
        ScenarioPlan plan = ScenarioLoader.load(Path.of("../examples/link-failover.yaml"));

        String text = Preview.of(plan).text(120);

        List<String> lines = text.lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("┤")).count()).isEqualTo(6);
        assertThat(lines.stream().filter(l -> l.startsWith("         └")).count())
                .isEqualTo(3);
        assertThat(text)
                .contains(
                        "interface_oper_state{device=\"rtr-edge-01\",interface=\"GigabitEthernet0/0/0\",job=\"network\"}"
                                + "  min 0  max 1  (300 samples)")
                .contains("▲ after: interface_oper_state < 1 at 1m")
                .contains("▲ after: backup_link_utilization > 70 at 2m32s");
        for (String l : lines) {
            assertThat(l.codePointCount(0, l.length())).as(l).isLessThanOrEqualTo(120);
        }
        assertThat(lines.stream().filter(l -> l.contains("┤")))
                .allSatisfy(l ->
                        assertThat(l.substring(l.indexOf('┤') + 1)).hasSize(110).matches("[\\u2800-\\u28FF]+"));
    }

    @Test
    void theCommandPrintsTheChartAndWritesTheSvgFile() throws Exception {
        Path out = tmp.resolve("pics/link.svg");

        int code = sonda("preview", "../examples/link-failover.yaml", "--svg", out.toString(), "--width", "90");

        assertThat(code).isZero();
        assertThat(stdout()).contains("latency_ms{").contains("⠀");
        assertThat(stderr()).contains("wrote " + out + " (3 series over 7m32s)");
        Document d = parse(Files.readString(out));
        assertThat(d.getElementsByTagNameNS(SVG_NS, "polyline").getLength()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theDurationFlagCutsTheWindowAndDryRunPrintsJson() {
        assertThat(sonda("preview", "../examples/hello.yaml", "--duration", "4s", "--width", "60"))
                .isZero();
        assertThat(stdout()).contains("  min 50  max 62.3607  (4 samples)").contains("4s");
        clear();
        assertThat(sonda("preview", "../examples/hello.yaml", "--dry-run", "--format", "json"))
                .isZero();
        assertThat(stdout()).startsWith("{").contains("\"file\" : \"../examples/hello.yaml\"");
        clear();
        assertThat(sonda("preview", "../examples/hello.yaml", "--width", "20")).isEqualTo(2);
        assertThat(stderr()).contains("invalid --width 20: a preview needs at least 40 columns");
    }

    @Test
    void spansLogsAndInfrastructureEventsAreDrawnAsTheirCountPerSecond() {
        int code = sonda("preview", "@outage", "--duration", "20s", "--width", "60");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout())
                .contains("outage (spans per second)  min ")
                .contains("outage (log events per second)  min ")
                .contains(" (events per second)  min ")
                .contains("error_rate{");
    }
}
