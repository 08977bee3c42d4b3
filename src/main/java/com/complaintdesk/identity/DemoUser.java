package com.complaintdesk.identity;

import java.util.List;

/** The demo users of the default profile: one or two per role of the playbook's people table. */
public record DemoUser(String id, String firstName, String lastName, String group) {

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("ana", "Ana", "Lima", Roles.AGENTS),
            new DemoUser("ben", "Ben", "Carter", Roles.AGENTS),
            new DemoUser("sam", "Samira", "Haddad", Roles.SUPERVISORS),
            new DemoUser("lena", "Lena", "Wong", Roles.LEGAL),
            new DemoUser("olga", "Olga", "Petrova", Roles.OWNERS),
            new DemoUser("pete", "Pete", "Okafor", Roles.PROCESS_OWNERS),
            new DemoUser("audrey", "Audrey", "Martin", Roles.AUDITORS),
            new DemoUser("priya", "Priya", "Nair", Roles.PRODUCT));

    public String email() {
        return id + "@complaintdesk.example";
    }
}
