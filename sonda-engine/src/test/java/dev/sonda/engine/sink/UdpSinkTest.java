package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.SinkSpec;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpSinkTest {
    private DatagramSocket receiver;
    private String addr;

    @BeforeEach
    void bind() throws Exception {
        receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver.setSoTimeout(5_000);
        addr = "127.0.0.1:" + receiver.getLocalPort();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private byte[] receive() throws Exception {
        byte[] buf = new byte[70_000];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        receiver.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    @Test
    void eachWriteIsOneDatagram() throws Exception {
        ByteSink sink = TestSupport.open(SinkSpec.udp(addr), SinkContext.simple("e"));
        byte[] buf = "xxdatagram1\ndatagram2\nyy".getBytes(StandardCharsets.UTF_8);
        sink.write(buf, 2, 10);
        sink.write(buf, 12, 10);
        sink.flush();
        assertThat(new String(receive(), StandardCharsets.UTF_8)).isEqualTo("datagram1\n");
        assertThat(new String(receive(), StandardCharsets.UTF_8)).isEqualTo("datagram2\n");
        sink.close();
    }

    @Test
    void aDatagramOfExactly65507BytesIsSent() throws Exception {
        UdpSink sink = new UdpSink(addr);
        byte[] max = new byte[UdpSink.MAX_DATAGRAM];
        Arrays.fill(max, (byte) 0xAB);
        sink.write(max, 0, max.length);
        assertThat(receive()).hasSize(65_507);
        sink.close();
    }

    @Test
    void aLargerEventIsRejectedWithoutSending() throws Exception {
        UdpSink sink = new UdpSink(addr);
        byte[] big = new byte[65_508];
        assertThatThrownBy(() -> sink.write(big, 0, big.length))
                .isInstanceOf(SinkException.class)
                .hasMessage("UDP datagram size 65508 exceeds maximum 65507 for target " + addr);
        byte[] small = "after\n".getBytes(StandardCharsets.UTF_8);
        sink.write(small, 0, small.length);
        assertThat(new String(receive(), StandardCharsets.UTF_8))
                .as("the oversized event never went out")
                .isEqualTo("after\n");
        receiver.setSoTimeout(50);
        assertThatThrownBy(this::receive).isInstanceOf(SocketTimeoutException.class);
        sink.close();
    }

    @Test
    void theTargetIsPrintedAsRustPrintsASocketAddress() throws Exception {
        try (DatagramSocket v6 = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            UdpSink sink = new UdpSink("[::1]:" + v6.getLocalPort());
            assertThat(sink.target()).isEqualTo("[::1]:" + v6.getLocalPort());
            byte[] big = new byte[70_000];
            assertThatThrownBy(() -> sink.write(big, 0, big.length))
                    .hasMessage("UDP datagram size 70000 exceeds maximum 65507 for target [::1]:" + v6.getLocalPort());
            sink.close();
        } catch (java.net.SocketException noIpv6) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no IPv6 loopback on this machine");
        }
    }

    @Test
    void resolutionErrorsUseTheReferenceMessages() {
        assertThatThrownBy(() -> new UdpSink("not-a-host"))
                .isInstanceOf(SinkException.class)
                .hasMessage("UDP address resolution error for not-a-host: invalid socket address");
        assertThatThrownBy(() -> new UdpSink("127.0.0.1:x"))
                .hasMessage("UDP address resolution error for 127.0.0.1:x: invalid port value");
        assertThatThrownBy(() -> new UdpSink("no-such-host.invalid:8125"))
                .hasMessageStartingWith(
                        "UDP address resolution error for no-such-host.invalid:8125: failed to lookup address information: ");
    }
}
