package org.huiying.server.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestInstancePreDestroyCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * {@link PostgresSchema}'s work: a schema name per test instance, dropped with the instance. The name
 * is kept in the instance's own field, so the extension holds no state between the two callbacks.
 */
final class PostgresSchemaExtension implements TestInstancePostProcessor, TestInstancePreDestroyCallback {

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        String schema = Postgres.newSchema();
        for (Field field : schemaFields(testInstance.getClass())) {
            field.set(testInstance, schema);
        }
    }

    @Override
    public void preDestroyTestInstance(ExtensionContext context) throws IllegalAccessException {
        Object testInstance = context.getRequiredTestInstance();
        for (Field field : schemaFields(testInstance.getClass())) {
            Object schema = field.get(testInstance);
            if (schema != null) {
                Postgres.dropSchema((String) schema);
            }
        }
    }

    private static List<Field> schemaFields(Class<?> testClass) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, PostgresSchema.Name.class,
                f -> true, HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new ExtensionConfigurationException("@PostgresSchema on " + testClass.getName()
                    + " needs a String field marked @PostgresSchema.Name to receive the schema");
        }
        for (Field field : fields) {
            if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())
                    || Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("@PostgresSchema.Name field " + field
                        + " must be a non-static, non-final String");
            }
            field.setAccessible(true);
        }
        return fields;
    }
}
