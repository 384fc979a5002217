package ru.rosobr.assistant.intake.vk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.intake.delivery.DeliverySettings;
import ru.rosobr.assistant.intake.delivery.PlatformSender;
import ru.rosobr.assistant.intake.messenger.InboundDecoder;
import ru.rosobr.assistant.intake.vk.internal.VkClient;
import ru.rosobr.assistant.intake.vk.internal.VkEvents;
import ru.rosobr.assistant.intake.vk.internal.VkSender;
import ru.rosobr.assistant.intake.web.PlatformHttp;

/** The VK (Sferum / VK Messenger) channel: Callback API webhook and sending through the VK API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VkProperties.class)
public class VkConfiguration {

    @Bean
    VkClient vkClient(VkProperties props, DeliverySettings delivery) {
        return new VkClient(props, PlatformHttp.client(delivery.requestTimeout()));
    }

    @Bean
    InboundDecoder vkEvents() {
        return new VkEvents();
    }

    @Bean
    PlatformSender vkSender(VkClient client, VkProperties props) {
        return new VkSender(client, props);
    }
}
