package com.complaintdesk.engine.deployment;

import java.util.Optional;

/**
 * The beans an expression in a deployed diagram can reach by name: the engine's expression manager resolves an
 * identifier that is no process variable to the Spring bean of that name.
 */
@FunctionalInterface
public interface ProcessBeans {

    /** The class of the bean of that name, or empty if there is no bean of that name. */
    Optional<Class<?>> typeOf(String beanName);

    /** No beans at all (an engine without Spring). */
    static ProcessBeans none() {
        return name -> Optional.empty();
    }

    /** Whether the class is one of the application's own ({@code com.complaintdesk...}). */
    static boolean isApplicationClass(Class<?> type) {
        return type != null
                && type.getName().startsWith(APPLICATION_PACKAGE)
                && !type.isSynthetic()
                && !type.getName().contains("$$");
    }

    String APPLICATION_PACKAGE = "com.complaintdesk.";
}
