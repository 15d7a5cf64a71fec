package org.campaignengine.api.engine;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ConnectionProvider} of Axon's JDBC components, in every profile: Axon's auto-configured one (a bean of
 * this type turns it off) with {@link SpringConnections} inside, which never closes a pooled connection twice.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionProviderConfiguration {

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return SpringConnections.unitOfWorkAware(dataSource);
    }
}
