package com.chainatlas.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every session of the application's {@link Driver} its {@link ScopedBookmarks} view as bookmark manager
 * (unless the caller chose one), so Spring Data Neo4j's transactions, the Neo4jClient and the code that opens
 * driver sessions itself (exports, snapshot loads, the session store) all follow the same rules. The driver's own
 * session-level bookmark manager does the bookkeeping; this only hands it in.
 */
final class ScopedBookmarksDriver implements BeanPostProcessor {

    private final ScopedBookmarks bookmarks;

    ScopedBookmarksDriver(ScopedBookmarks bookmarks) {
        this.bookmarks = bookmarks;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof Driver driver)
                || Proxy.isProxyClass(bean.getClass()) && Proxy.getInvocationHandler(bean) instanceof Handler) {
            return bean;
        }
        return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class}, new Handler(driver));
    }

    private final class Handler implements InvocationHandler {
        private final Driver driver;

        Handler(Driver driver) {
            this.driver = driver;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("session")) {
                Class<? extends BaseSession> type = Session.class;
                SessionConfig config = SessionConfig.defaultConfig();
                AuthToken auth = null;
                for (Object arg : args == null ? new Object[0] : args) {
                    if (arg instanceof Class<?> c) {
                        type = c.asSubclass(BaseSession.class);
                    } else if (arg instanceof SessionConfig c) {
                        config = c;
                    } else if (arg instanceof AuthToken a) {
                        auth = a;
                    }
                }
                return driver.session(type, withScopedBookmarks(config), auth);
            }
            try {
                return method.invoke(driver, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private SessionConfig withScopedBookmarks(SessionConfig config) {
            if (config.bookmarkManager().isPresent()) {
                return config;
            }
            SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(config.defaultAccessMode())
                    .withAutoCommitRetriesMode(config.autoCommitRetriesMode())
                    .withBookmarkManager(bookmarks.forSession(config.defaultAccessMode()));
            if (config.bookmarks() != null) {
                b.withBookmarks(config.bookmarks());
            }
            config.database().ifPresent(b::withDatabase);
            config.fetchSize().ifPresent(b::withFetchSize);
            config.impersonatedUser().ifPresent(b::withImpersonatedUser);
            config.minimumNotificationSeverity().ifPresent(b::withMinimumNotificationSeverity);
            if (!config.disabledNotificationClassifications().isEmpty()) {
                b.withDisabledNotificationClassifications(config.disabledNotificationClassifications());
            }
            return b.build();
        }
    }
}
