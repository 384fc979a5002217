package ru.rosobr.assistant.analytics;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Counts the SQL statements of each connection on the client side (PostgreSQL here has no pg_stat_statements
 * preloaded): the application's ConnectionFactory is wrapped, and every connection it hands out records the
 * statements created on it. A transaction runs on one connection, so its statements are those of that connection.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounting {

    @Bean
    static BeanPostProcessor countingConnectionFactory() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ConnectionFactory f && !Proxy.isProxyClass(f.getClass()) ? counting(f) : bean;
            }
        };
    }

    /** The statements created so far on {@code connection}, one of those the counting factory handed out. */
    static List<String> statementsOf(Connection connection) {
        return List.copyOf(((Counted) Proxy.getInvocationHandler(connection)).statements);
    }

    static ConnectionFactory counting(ConnectionFactory factory) {
        // Wrapped: whoever needs the raw factory (a dedicated session outside the pool) still finds it
        return (ConnectionFactory) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(),
                new Class<?>[] {ConnectionFactory.class, Wrapped.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && method.getParameterCount() == 0) {
                        return factory;
                    }
                    Object result = invoke(factory, method, args);
                    if (method.getName().equals("create")) {
                        @SuppressWarnings("unchecked")
                        Publisher<Connection> created = (Publisher<Connection>) result;
                        return Mono.from(created).map(StatementCounting::counted);
                    }
                    return result;
                });
    }

    private static Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(),
                new Class<?>[] {Connection.class, Wrapped.class}, new Counted(connection));
    }

    private static final class Counted implements InvocationHandler {
        final Connection connection;
        final List<String> statements = Collections.synchronizedList(new ArrayList<>());

        Counted(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && method.getParameterCount() == 0) {
                return connection;
            }
            if (method.getName().equals("createStatement")) {
                statements.add((String) args[0]);
            }
            return StatementCounting.invoke(connection, method, args);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
