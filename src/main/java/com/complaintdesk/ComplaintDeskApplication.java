package com.complaintdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Complaint Desk: every complaint becomes a case that the playbook in the BPMN drives to closure. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplaintDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintDeskApplication.class, args);
    }
}
