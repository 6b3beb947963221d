package kg.vareg.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a fresh database on the run's shared real PostgreSQL: declare a
 * {@link PostgresDatabase} parameter (constructor, lifecycle or test method). Within one test class
 * every parameter gets the same database.
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context.getRoot();
        return classContext.getStore(NS).computeIfAbsent(testClass.getName(),
                k -> TestPostgres.freshDatabase(testClass.getSimpleName()), PostgresDatabase.class);
    }
}
