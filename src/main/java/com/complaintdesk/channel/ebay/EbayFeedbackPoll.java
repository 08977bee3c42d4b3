package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.ChannelException;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Polls the Feedback API for the NEGATIVE and NEUTRAL feedback the seller received (T7: the buyer is contacted
 * within 24 hours, so new feedback must be seen soon). The feedback versions stored by {@link EbayFeedbackIntake}
 * are the poll's cursor. Pages are read from the first until one holds nothing new (eBay returns
 * feedback newest first and advises to stop at the first page with a record already retrieved:
 * https://developer.ebay.com/support/kb-article?KBid=1748), at most {@code maxPages} per poll, following
 * {@code pagination.next} (https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:Pagination).
 */
@Service
class EbayFeedbackPoll {

    private static final Logger log = LoggerFactory.getLogger(EbayFeedbackPoll.class);

    private final EbayApi api;
    private final EbayFeedbackIntake feedbacks;
    private final EbayProperties settings;

    EbayFeedbackPoll(EbayApi api, EbayFeedbackIntake feedbacks, EbayProperties settings) {
        this.api = api;
        this.feedbacks = feedbacks;
        this.settings = settings;
    }

    /** What one poll did. */
    record Result(boolean succeeded, int pages, int newEntries, String problem) {}

    /** Reads the pages with something new and handles each new feedback version; a failed page ends the poll. */
    Result pollOnce() {
        if (!settings.configured()) {
            return new Result(false, 0, 0, "eBay is not configured");
        }
        int pages = 0;
        int fresh = 0;
        int offset = 0;
        try {
            while (pages < settings.poll().maxPages()) {
                JsonNode page = api.receivedComplaints(settings.poll().pageSize(), offset);
                pages++;
                int newOnPage = 0;
                for (JsonNode entry : page.path("feedbackEntries")) {
                    if (handle(entry)) {
                        newOnPage++;
                    }
                }
                fresh += newOnPage;
                int count = page.path("feedbackEntries").size();
                if (newOnPage == 0 || count == 0 || !page.path("pagination").hasNonNull("next")) {
                    break;
                }
                offset += count;
            }
        } catch (ChannelException e) {
            log.warn(
                    "eBay feedback poll stopped after {} page(s), the next poll tries again: {}",
                    pages,
                    e.getMessage());
            return new Result(false, pages, fresh, e.getMessage());
        }
        if (fresh > 0) {
            log.info("eBay feedback poll: {} new feedback version(s) in {} page(s)", fresh, pages);
        }
        return new Result(true, pages, fresh, null);
    }

    /** True when this version of the feedback had not been handled before. */
    private boolean handle(JsonNode entry) {
        EbayFeedback feedback = EbayFeedback.read(entry);
        try {
            return feedbacks.receive(feedback, entry.toString()).fresh();
        } catch (RuntimeException e) {
            // Left unprocessed: the next poll meets it again and handles it then.
            log.error("eBay feedback {} could not be handled; the next poll tries again", feedback.feedbackId(), e);
            return true;
        }
    }

    /** The schedule, only when the seller turned the poll on. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(prefix = "complaintdesk.channels.ebay.poll", name = "enabled", havingValue = "true")
    static class Schedule {

        private final EbayFeedbackPoll poll;

        Schedule(EbayFeedbackPoll poll) {
            this.poll = poll;
        }

        @Scheduled(
                initialDelayString = "PT30S",
                fixedDelayString = "${complaintdesk.channels.ebay.poll.interval:PT15M}")
        void poll() {
            poll.pollOnce();
        }
    }
}
