package dev.sonda.engine.sink;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code host:port} strings as the reference resolves them (Rust's {@code ToSocketAddrs for str},
 * used by Sonda 1.20 {@code sink/tcp.rs} and {@code sink/udp.rs}) and socket addresses as Rust
 * prints them ({@code SocketAddr}'s {@code Display}). Not API; stateless and thread-safe.
 */
final class SocketAddresses {
    private SocketAddresses() {}

    /**
     * Resolves {@code address}: a literal {@code [v6]:port} first, otherwise the text is split at
     * its last {@code :} into a host (an IP literal or a DNS name) and a port.
     *
     * <p>Address order is the JDK's ({@code java.net.preferIPv6Addresses}), which may differ from
     * {@code getaddrinfo}'s order for names with both IPv4 and IPv6 addresses, such as {@code
     * localhost}.
     *
     * @param address {@code host:port}
     * @return the addresses, at least one
     * @throws IOException with the reference's message: {@code invalid socket address} (no colon),
     *     {@code invalid port value} (not 0..65535), or {@code failed to lookup address
     *     information: {reason}} (name resolution failed)
     */
    static List<InetSocketAddress> resolve(String address) throws IOException {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close > 0 && address.startsWith(":", close + 1)) {
                String literal = address.substring(1, close);
                int port = port(address.substring(close + 2));
                if (port >= 0 && literal.indexOf(':') >= 0) {
                    try {
                        InetAddress ip = InetAddress.getByName(literal);
                        if (ip instanceof Inet6Address) {
                            return List.of(new InetSocketAddress(ip, port));
                        }
                    } catch (UnknownHostException e) {
                        // not a literal: fall through to the host:port rules, as Rust does
                    }
                }
            }
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IOException("invalid socket address");
        }
        String host = address.substring(0, colon);
        int port = port(address.substring(colon + 1));
        if (port < 0) {
            throw new IOException("invalid port value");
        }
        if (host.isEmpty() || host.startsWith("[")) {
            throw new IOException("failed to lookup address information: Name or service not known");
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException(IoErrors.lookupFailure(e), e);
        }
        List<InetSocketAddress> out = new ArrayList<>(all.length);
        for (InetAddress ip : all) {
            out.add(new InetSocketAddress(ip, port));
        }
        return out;
    }

    /** Rust's {@code u16::from_str}: optional {@code +}, decimal digits, at most 65535; else -1. */
    private static int port(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65_535 ? (int) value : -1;
    }

    /**
     * Formats a resolved address as Rust's {@code SocketAddr} does: {@code 127.0.0.1:8125}, {@code
     * [::1]:8125}, {@code [fe80::1%2]:8125}, with RFC 5952 zero compression for IPv6.
     *
     * @param address a resolved address
     * @return the text
     */
    static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress() + ":" + address.getPort();
        }
        if (ip instanceof Inet6Address v6) {
            StringBuilder sb = new StringBuilder("[").append(formatIpv6(v6.getAddress()));
            if (v6.getScopeId() != 0) {
                sb.append('%').append(v6.getScopeId());
            }
            return sb.append("]:").append(address.getPort()).toString();
        }
        return address.getHostString() + ":" + address.getPort();
    }

    /** Rust's {@code Ipv6Addr} display: lower-case hex, longest run (2+) of zero groups as "::". */
    static String formatIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        boolean mapped = groups[0] == 0
                && groups[1] == 0
                && groups[2] == 0
                && groups[3] == 0
                && groups[4] == 0
                && groups[5] == 0xffff;
        if (mapped) {
            return "::ffff:" + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "."
                    + (bytes[15] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        if (bestLen > 1) {
            appendGroups(sb, groups, 0, bestStart);
            sb.append("::");
            appendGroups(sb, groups, bestStart + bestLen, 8);
        } else {
            appendGroups(sb, groups, 0, 8);
        }
        return sb.toString();
    }

    private static void appendGroups(StringBuilder sb, int[] groups, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
    }
}
