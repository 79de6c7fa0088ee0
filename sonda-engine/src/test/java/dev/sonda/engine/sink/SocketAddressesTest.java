package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SocketAddressesTest {

    private static String v6(String literal) throws IOException {
        return SocketAddresses.formatIpv6(InetAddress.getByName(literal).getAddress());
    }

    @Test
    void ipv6IsCompressedAsRustDoes() throws IOException {
        assertThat(v6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(v6("::")).isEqualTo("::");
        assertThat(v6("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(v6("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(v6("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
        assertThat(SocketAddresses.formatIpv6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}))
                .isEqualTo("::ffff:10.0.0.1");
    }

    @Test
    void socketAddressesFormatWithBracketsForIpv6() throws IOException {
        assertThat(SocketAddresses.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8125)))
                .isEqualTo("127.0.0.1:8125");
        assertThat(SocketAddresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 9)))
                .isEqualTo("[::1]:9");
    }

    @Test
    void addressesResolveLikeRustToSocketAddrs() throws IOException {
        assertThat(SocketAddresses.resolve("127.0.0.1:80"))
                .containsExactly(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80));
        assertThat(SocketAddresses.resolve("[::1]:80"))
                .containsExactly(new InetSocketAddress(InetAddress.getByName("::1"), 80));
        assertThat(SocketAddresses.resolve("127.0.0.1:+80").get(0).getPort()).isEqualTo(80);
        assertThatThrownBy(() -> SocketAddresses.resolve("nohost")).hasMessage("invalid socket address");
        assertThatThrownBy(() -> SocketAddresses.resolve("h:65536")).hasMessage("invalid port value");
        assertThatThrownBy(() -> SocketAddresses.resolve("h:")).hasMessage("invalid port value");
        assertThatThrownBy(() -> SocketAddresses.resolve(":80"))
                .hasMessage("failed to lookup address information: Name or service not known");
    }
}
