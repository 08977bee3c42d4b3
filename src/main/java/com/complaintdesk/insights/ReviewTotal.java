package com.complaintdesk.insights;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A5: the total reviews (any rating) a channel got on a day, as an owner recorded it. */
public record ReviewTotal(String channel, LocalDate day, int reviews, String recordedBy, OffsetDateTime recordedAt) {}
