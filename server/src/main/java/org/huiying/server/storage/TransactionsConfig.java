package org.huiying.server.storage;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The transaction manager: {@link ForcedCommits} on an H2 file database, Spring's own on PostgreSQL (which forces its log itself). */
@Configuration(proxyBeanMethods = false)
class TransactionsConfig {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, @Value("${spring.datasource.url}") String url,
                                              @Value("${huiying.h2.force-commits:true}") boolean forceCommits) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        return h2File && forceCommits ? new ForcedCommits(dataSource) : new JdbcTransactionManager(dataSource);
    }
}
