package ru.rosobr.assistant.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses behindProxy = new ClientAddresses("10.0.0.0/8, 192.168.1.5", "X-Forwarded-For");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses direct = new ClientAddresses("", "X-Forwarded-For");
        assertThat(direct.clientOf(from("10.1.2.3", "203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aTrustedProxyIsBelievedAndAnyoneElseIsNot() {
        assertThat(behindProxy.clientOf(from("10.1.2.3", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindProxy.clientOf(from("192.168.1.5", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindProxy.clientOf(from("192.168.1.6", "203.0.113.9"))).isEqualTo("192.168.1.6");
        assertThat(behindProxy.clientOf(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void theRightMostAddressThatIsNotAProxyIsTheClient() {
        // the client may write anything left of what the proxies appended
        assertThat(behindProxy.clientOf(from("10.1.2.3", "1.1.1.1, 203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
        assertThat(behindProxy.clientOf(from("10.1.2.3", "10.0.0.8, 10.0.0.7"))).isEqualTo("10.0.0.8");
    }

    @Test
    void garbageAndNamesAreNeverResolved() {
        assertThat(behindProxy.clientOf(from("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
        assertThat(behindProxy.clientOf(from("10.1.2.3", "203.0.113.9:5555"))).isEqualTo("10.1.2.3");
        assertThat(behindProxy.clientOf(from("10.1.2.3", "[2001:db8::1]"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void xRealIpWorksTheSameWay() {
        ClientAddresses realIp = new ClientAddresses("127.0.0.1", "X-Real-IP");
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/auth/login")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 4000)).header("X-Real-IP", "198.51.100.4").build();
        assertThat(realIp.clientOf(request)).isEqualTo("198.51.100.4");
    }

    @Test
    void aBadProxyListFailsAtStart() {
        assertThatThrownBy(() -> new ClientAddresses("10.0.0.0/33", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses("proxy.local", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> b = MockServerHttpRequest.get("/api/console/appeals")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b.build();
    }
}
