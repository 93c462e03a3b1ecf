package org.huiying.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Huiying: the contact center and chat backend for automotive after-sales service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HuiyingApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuiyingApplication.class, args);
    }
}
