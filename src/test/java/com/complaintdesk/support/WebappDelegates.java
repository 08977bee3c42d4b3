package com.complaintdesk.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test that starts and stops an application of its own: the webapps (Tasklist, Cockpit, Admin, Welcome)
 * keep their runtime in JVM-wide static fields, which stopping any application clears. This puts back what the
 * cached application contexts of the other tests had, so their Tasklist keeps working.
 */
public final class WebappDelegates implements BeforeEachCallback, AfterEachCallback {

    private record Snapshot(
            CockpitRuntimeDelegate cockpit,
            TasklistRuntimeDelegate tasklist,
            AdminRuntimeDelegate admin,
            WelcomeRuntimeDelegate welcome) {}

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(WebappDelegates.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE)
                .put(
                        Snapshot.class,
                        new Snapshot(
                                Cockpit.getRuntimeDelegate(),
                                Tasklist.getRuntimeDelegate(),
                                Admin.getRuntimeDelegate(),
                                Welcome.getRuntimeDelegate()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Snapshot before = context.getStore(NAMESPACE).remove(Snapshot.class, Snapshot.class);
        Cockpit.setCockpitRuntimeDelegate(before.cockpit());
        Tasklist.setTasklistRuntimeDelegate(before.tasklist());
        Admin.setAdminRuntimeDelegate(before.admin());
        Welcome.setRuntimeDelegate(before.welcome());
    }
}
