package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: udp}: one datagram per event (Sonda 1.20 {@code sink/udp.rs}). Unbuffered; {@link
 * #flush()} does nothing; no retry.
 *
 * <p>The address is resolved once, when the sink is created, and the first resolved address is the
 * target for the whole run; the sink sends from an ephemeral port on the wildcard address of the
 * target's family ({@code 0.0.0.0:0} or {@code [::]:0}). An event larger than {@value
 * #MAX_DATAGRAM} bytes (65,535 minus the IPv4 and UDP headers) is rejected without sending. A
 * histogram or summary tick writes one event per line, so each line is its own datagram. No
 * allocation per write: one {@link DatagramPacket} is reused.
 *
 * <p>Threading: as {@link Sink}, one caller at a time.
 */
public final class UdpSink implements ByteSink {
    /** The largest accepted event, in bytes: 65,507. */
    public static final int MAX_DATAGRAM = 65_507;

    private final InetSocketAddress target;
    private final String targetText;
    private final DatagramSocket socket;
    private final DatagramPacket packet;

    /**
     * Resolves {@code address} and binds the local socket.
     *
     * @param address {@code host:port}
     * @throws SinkException {@code UDP address resolution error for {address}: {err}} (for
     *     example {@code invalid socket address}, {@code invalid port value}, {@code failed to lookup
     *     address information: Name or service not known}), {@code UDP address {address} resolved
     *     to no addresses}, or {@code UDP bind for {address}: {err}}
     */
    public UdpSink(String address) {
        Objects.requireNonNull(address, "address");
        List<InetSocketAddress> all;
        try {
            all = SocketAddresses.resolve(address);
        } catch (IOException e) {
            throw new SinkException("UDP address resolution error for " + address + ": " + e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new SinkException("UDP address " + address + " resolved to no addresses");
        }
        target = all.get(0);
        targetText = SocketAddresses.format(target);
        try {
            InetAddress any = InetAddress.getByName(target.getAddress() instanceof Inet6Address ? "::" : "0.0.0.0");
            socket = new DatagramSocket(new InetSocketAddress(any, 0));
        } catch (IOException e) {
            throw new SinkException("UDP bind for " + address + ": " + IoErrors.describe(e), e);
        }
        packet = new DatagramPacket(new byte[0], 0, target);
    }

    /**
     * The resolved target as Rust prints it, such as {@code 127.0.0.1:8125} or {@code [::1]:8125}.
     *
     * @return the target
     */
    public String target() {
        return targetText;
    }

    /**
     * Sends the event as one datagram.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes, at most {@value #MAX_DATAGRAM}
     * @throws SinkException {@code UDP datagram size {len} exceeds maximum 65507 for target
     *     {target}} (nothing sent), or {@code UDP send_to {target}: {err}}
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        if (len > MAX_DATAGRAM) {
            throw new SinkException(
                    "UDP datagram size " + len + " exceeds maximum " + MAX_DATAGRAM + " for target " + targetText);
        }
        try {
            packet.setData(buf, off, len);
            socket.send(packet);
        } catch (IOException e) {
            throw new SinkException("UDP send_to " + targetText + ": " + IoErrors.describe(e), e);
        }
    }

    /** Does nothing: datagrams are not buffered. */
    @Override
    public void flush() {}

    /** Closes the local socket. Later calls do nothing. */
    @Override
    public void close() {
        socket.close();
    }

    /** The built-in provider of {@code type: udp} (key {@code address}, required). */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "udp";
        }

        @Override
        public String endpointKey() {
            return "address";
        }

        @Override
        public Class<SinkSpec.Udp> specClass() {
            return SinkSpec.Udp.class;
        }

        @Override
        public String summary() {
            return "one datagram per encoded record, at most 65,507 bytes";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new SinkSpec.Udp(block.requiredString("address"));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            out.put("address", ((SinkSpec.Udp) spec).address());
        }

        @Override
        public String display(SinkSpec spec) {
            return "udp (" + ((SinkSpec.Udp) spec).address() + ")";
        }

        /**
         * Opens a {@link UdpSink} to the spec's address.
         *
         * @param spec a {@link SinkSpec.Udp}
         * @param context the entry's encoders
         * @return the sink
         * @throws SinkException if the address cannot be resolved or a socket bound
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new UdpSink(((SinkSpec.Udp) spec).address()), context);
        }
    }
}
