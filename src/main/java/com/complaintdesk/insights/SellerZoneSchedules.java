package com.complaintdesk.insights;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * A1–A3: the cron cycles of timers (the weekly, monthly and quarterly insights: {@code 0 0 6 ? * MON}) run in the
 * seller's zone ({@code complaintdesk.insights.zone}), where the reported weeks, months and quarters begin, instead of
 * the server's zone, so "Monday 06:00" is the seller's Monday morning on any server. Repeating intervals
 * ({@code R/…}) and cron expressions Spring cannot read (a seventh, year field) stay with the engine's own calendar.
 */
@Component
public class SellerZoneSchedules extends AbstractProcessEnginePlugin {

    private final InsightsSettings settings;

    public SellerZoneSchedules(InsightsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new ZonedCycles(settings.zone()));
        configuration.setBusinessCalendarManager(calendars);
    }

    /** The engine's cycle calendar, with cron expressions read in one zone. */
    static final class ZonedCycles extends CycleBusinessCalendar {

        private final ZoneId zone;

        ZonedCycles(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Date resolveDuedate(String cycle, Date startDate, long repeatOffset) {
            if (cycle.startsWith("R") || !CronExpression.isValidExpression(cycle)) {
                return super.resolveDuedate(cycle, startDate, repeatOffset);
            }
            Instant after = (startDate == null ? ClockUtil.getCurrentTime() : startDate).toInstant();
            ZonedDateTime next = CronExpression.parse(cycle).next(after.atZone(zone));
            return next == null ? null : Date.from(next.toInstant());
        }
    }
}
