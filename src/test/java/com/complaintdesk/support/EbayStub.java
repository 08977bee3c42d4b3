package com.complaintdesk.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A WireMock stand-in for api.ebay.com, started once per test JVM, that every application context of the tests
 * points {@code complaintdesk.channels.ebay.api-base-url} at. The customizer is the same for every test class, so
 * the one shared context stays one (see spring.properties). The eBay channel itself stays off in that context (no
 * access token): eBay tests build their live gateway and poll against this server.
 */
public final class EbayStub {

    public static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

    private static final ContextCustomizer CUSTOMIZER = new Customizer();

    private EbayStub() {}

    public static synchronized String baseUrl() {
        if (!SERVER.isRunning()) {
            SERVER.start();
        }
        return SERVER.baseUrl();
    }

    /** Registered in META-INF/spring.factories. */
    public static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return CUSTOMIZER;
        }
    }

    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "ebay-stub", Map.of("complaintdesk.channels.ebay.api-base-url", baseUrl())));
        }
    }
}
