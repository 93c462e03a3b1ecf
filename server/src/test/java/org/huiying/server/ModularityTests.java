package org.huiying.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void print() {
        var modules = ApplicationModules.of(HuiyingApplication.class);
        System.out.println(modules.detectViolations().getMessage());
    }
}
