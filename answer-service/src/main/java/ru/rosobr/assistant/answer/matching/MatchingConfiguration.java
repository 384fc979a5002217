package ru.rosobr.assistant.answer.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matcher in use; {@code assistant.matching.*} may override the thresholds chosen on the dev set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingConfiguration.MatchingProperties.class)
public class MatchingConfiguration {

    /** Optional overrides of {@link MatcherSettings#defaults()}. */
    @ConfigurationProperties("assistant.matching")
    public record MatchingProperties(Double matchThreshold, Double minMargin, Double offTopicThreshold) {

        MatcherSettings apply(MatcherSettings d) {
            return new MatcherSettings(matchThreshold == null ? d.matchThreshold() : matchThreshold,
                    minMargin == null ? d.minMargin() : minMargin,
                    offTopicThreshold == null ? d.offTopicThreshold() : offTopicThreshold,
                    d.answerWeight(), d.conceptWeight(), d.unknownWeight(), d.coverageShare());
        }
    }

    @Bean
    Matcher matcher(MatchingProperties properties) {
        return Matching.create(properties.apply(MatcherSettings.defaults()));
    }
}
