package com.complaintdesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what callers of the engine REST API and the webapps' API may ask for.
 *
 * @param maxResults the largest {@code maxResults} a query may ask for; larger asks get 400
 */
@ConfigurationProperties("complaintdesk.security")
public record SecurityProperties(@DefaultValue("2000") int maxResults) {}
