package com.complaintdesk.sla;

import com.complaintdesk.engine.JobChangedByHand;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * T4: deadlines move only through re-tiering and the SLA policy. When an administrator changes a case's timer by
 * hand through the engine API anyway (moves its due date, fires it, changes or deletes the job), the case's SLA
 * history records who did what and the due date after it, so auditors see the deadline was moved and by whom.
 */
@Component
class TimersChangedByHand {

    /** The lifecycle's SLA timers, by the clock they keep. */
    static final Map<String, String> CLOCK_OF_TIMER = Map.of(
            "Timer_FirstResponseDue", SlaEvent.FIRST_RESPONSE,
            "Timer_FirstResponseSecondBreach", SlaEvent.FIRST_RESPONSE,
            "Timer_ResolutionDue", SlaEvent.RESOLUTION,
            "Timer_ResolutionSecondBreach", SlaEvent.RESOLUTION);

    private final SlaEvents events;
    private final JdbcClient jdbc;

    TimersChangedByHand(SlaEvents events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @EventListener
    void record(JobChangedByHand change) {
        jdbc.sql("SELECT id, tier FROM cd_complaint WHERE process_instance_id = :processInstanceId")
                .param("processInstanceId", change.processInstanceId())
                .query((rs, row) -> new String[] {rs.getString("id"), rs.getString("tier")})
                .optional()
                .ifPresent(c -> events.record(new SlaEvent(
                        c[0],
                        change.processInstanceId(),
                        CLOCK_OF_TIMER.getOrDefault(change.activityId(), SlaEvent.OTHER_TIMER),
                        change.action(),
                        c[1],
                        change.dueAt(),
                        change.at(),
                        change.userId())));
    }
}
