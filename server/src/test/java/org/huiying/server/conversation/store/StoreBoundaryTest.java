package org.huiying.server.conversation.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The store reaches the conversation module only through {@link MessageTable}, which the module
 * implements: a class here that used one of the module's own would close a package cycle.
 */
class StoreBoundaryTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.huiying.server.conversation");

    @Test
    void theStoreDependsOnNothingOfTheConversationPackage() {
        noClasses().that().resideInAPackage("org.huiying.server.conversation.store..")
                .should().dependOnClassesThat().resideInAPackage("org.huiying.server.conversation")
                .check(MAIN);
    }
}
