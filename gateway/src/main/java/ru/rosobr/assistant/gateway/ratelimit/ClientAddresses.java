package ru.rosobr.assistant.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import io.netty.util.NetUtil;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client behind a request: the direct peer, or — only when that peer is one of the trusted
 * proxies — the address the proxy reports in its header ({@code X-Forwarded-For}: the right-most entry that is
 * not itself a trusted proxy; {@code X-Real-IP}: its single entry). A header from anyone else is ignored, so a
 * client cannot pick its own rate-limit bucket.
 */
public final class ClientAddresses {

    private final List<Cidr> trusted;
    private final String header;

    /**
     * @param trustedProxies CIDRs or single addresses, comma-separated; blank: trust no proxy
     * @param header         the proxy's client-address header
     */
    public ClientAddresses(String trustedProxies, String header) {
        this.trusted = trustedProxies == null ? List.of() : Arrays.stream(trustedProxies.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.header = header == null || header.isBlank() ? "X-Forwarded-For" : header.strip();
    }

    public String clientOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (trusted.isEmpty() || remote.getAddress() == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> values = request.getHeaders().get(header);
        if (values == null || values.isEmpty()) {
            return peer;
        }
        // several header lines are one list, in order
        String[] hops = String.join(",", values).split(",");
        String client = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normalized(hops[i]);
            if (hop == null) {
                break; // unreadable entry: what lies left of it cannot be trusted either
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client == null ? peer : client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr cidr : trusted) {
            if (cidr.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] network = NetUtil.createByteArrayFromIpAddressString(address);
            if (network == null) {
                throw new IllegalArgumentException("GATEWAY_TRUSTED_PROXIES: not an IP address or CIDR: " + text);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("GATEWAY_TRUSTED_PROXIES: bad prefix length in " + text);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false; // IPv4 against an IPv6 block or the other way round
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /**
     * The canonical text of an IP literal, or null for anything else (names, ports, garbage). Netty parses literals
     * only: a name from a header must never become a DNS lookup per request.
     */
    static String normalized(String raw) {
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(s);
        return address == null ? null : address.getHostAddress();
    }
}
