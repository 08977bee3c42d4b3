package com.complaintdesk.identity;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where Tasklist is and how to log in. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment environment;
    private final DemoProperties demo;
    private final AdminProperties admin;

    ReadyBanner(Environment environment, DemoProperties demo, AdminProperties admin) {
        this.environment = environment;
        this.demo = demo;
        this.admin = admin;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void ready() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String users = demo.enabled()
                ? DemoUser.ALL.stream()
                        .map(u -> u.id() + " (" + u.group() + ")")
                        .collect(Collectors.joining(", "))
                : "none (demo users are off)";
        String passwords =
                demo.enabled() && (demo.password() == null || demo.password().isBlank())
                        ? "the passwords printed in the 'Demo users' block at the first start"
                        : "the configured password (COMPLAINTDESK_DEMO_PASSWORD / COMPLAINTDESK_ADMIN_PASSWORD)";
        log.info(
                """

                Complaint Desk is ready.
                  Tasklist:  {}/camunda/app/tasklist/
                  Cockpit:   {}/camunda/app/cockpit/
                  API docs:  {}/api/docs   (HTTP Basic, any user)
                  Log in as: {}; administrator: {}
                  Passwords: {}""",
                base,
                base,
                base,
                users,
                admin.userId(),
                passwords);
    }
}
