package com.complaintdesk.engine.deployment;

import java.beans.Introspector;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/** The application's components under their default bean names, for checks that run without Spring. */
final class ApplicationBeans {

    private ApplicationBeans() {}

    static ProcessBeans byDefaultName() {
        Map<String, Class<?>> beans = new HashMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.complaintdesk")) {
            Class<?> type =
                    ClassUtils.resolveClassName(candidate.getBeanClassName(), ApplicationBeans.class.getClassLoader());
            beans.put(Introspector.decapitalize(type.getSimpleName()), type);
        }
        return name -> Optional.ofNullable(beans.get(name));
    }
}
