package org.campaignengine.api.engine;

import java.time.Duration;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.campaignengine.api.NodeName;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC token store as its auto-configuration builds it, but with this node's name ({@link NodeName}) as
 * the owner of the segments it claims, instead of the JVM's {@code pid@host}: two nodes in one JVM (tests) or
 * two containers whose processes are both pid 1 on look-alike hosts would otherwise share an owner and both
 * believe they hold every segment. The owner is what {@code GET /api/v1/admin/processors} shows per segment.
 */
@Configuration(proxyBeanMethods = false)
class TokenOwnerConfiguration {

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, ObjectProvider<TokenSchema> schema, NodeName node,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder().connectionProvider(connections).schema(schema.getIfAvailable(() -> TokenSchema.builder().build())).serializer(serializer)
                .claimTimeout(claimTimeout).nodeId(node.name()).build();
    }
}
