package ru.rosobr.assistant.intake.web;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** HTTP clients for the messenger platforms. Bodies are written and read as text (the callers own the JSON). */
public final class PlatformHttp {

    private PlatformHttp() {
    }

    /** @param responseTimeout the longest wait for an answer (a long poll included) */
    public static WebClient client(Duration responseTimeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .responseTimeout(responseTimeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }
}
