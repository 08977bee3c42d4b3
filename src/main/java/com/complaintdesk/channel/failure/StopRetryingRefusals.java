package com.complaintdesk.channel.failure;

import com.complaintdesk.channel.ChannelException;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * How the engine handles a failed job: as usual (the step's retry cycle, e.g. 30 s, 2 min, 10 min …), except when
 * the failure is a {@link ChannelException#refused() refusal} that retrying cannot change, such as a text longer
 * than the platform takes, a window that has closed, or a send that may already have arrived. Then the job's
 * retries end at once, so the incident and the agents' "Handle failed delivery" task come within seconds instead of
 * after hours of futile retries. Needs no Spring: the process tests' engine uses it too.
 */
public class StopRetryingRefusals implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        Command<Object> usual = new DefaultJobRetryCmd(jobId, exception);
        ChannelException channel = ChannelException.in(exception);
        if (channel == null || !channel.refused()) {
            return usual;
        }
        return commandContext -> {
            usual.execute(commandContext);
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null && job.getRetries() > 0) {
                job.setRetries(0); // raises the failed-job incident, with the refusal as its message
            }
            return null;
        };
    }
}
