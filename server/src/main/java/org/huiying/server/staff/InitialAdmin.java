package org.huiying.server.staff;

import org.huiying.server.storage.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin on first start. The password comes from {@code HUIYING_ADMIN_PASSWORD};
 * without it a random one is printed to the console once and never logged or stored in clear.
 */
@Component
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final StaffRepository repository;
    private final StaffService service;
    private final AdminProperties properties;

    InitialAdmin(StaffRepository repository, StaffService service, AdminProperties properties) {
        this.repository = repository;
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.findByUsername("admin").isPresent()) {
            return;
        }
        String given = properties.initialPassword();
        boolean generated = given == null || given.isBlank();
        String password = generated ? RandomIds.token(12) : given;
        service.createInitialAdmin(password);
        if (generated) {
            System.out.println("""

                    ==============================================================
                      首次启动：已创建管理员账号 admin
                      First start: admin account created. Password (shown once):
                      %s
                    ==============================================================
                    """.formatted(password));
        }
        log.info("Created the first admin account 'admin'");
    }

    @ConfigurationProperties("huiying.admin")
    record AdminProperties(String initialPassword) {
    }
}
