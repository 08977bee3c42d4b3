package com.complaintdesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo users and sample data (default profile).
 *
 * @param enabled  create one demo user per role at start-up (false in the postgres profile)
 * @param password the password of every demo user; empty: a strong one is generated per user at first start
 *                 and printed once
 * @param samples  receive the sample complaints at start-up (read by the intake module)
 */
@ConfigurationProperties("complaintdesk.demo")
public record DemoProperties(boolean enabled, String password, boolean samples) {}
