package com.complaintdesk.channel;

/**
 * What a platform shows of a message whose earlier send was interrupted after the request went out (a crash, a lost
 * answer): {@link #found found} with the platform's reference, {@link #absent absent}, so sending is safe, or
 * {@link #unknown unknown}, when the platform offers no way to tell, so a person looks before anything is sent again.
 */
public record DeliveryCheck(State state, String platformRef, String reason) {

    public enum State {
        FOUND,
        ABSENT,
        UNKNOWN
    }

    public static DeliveryCheck found(String platformRef) {
        return new DeliveryCheck(State.FOUND, platformRef, null);
    }

    public static DeliveryCheck absent() {
        return new DeliveryCheck(State.ABSENT, null, null);
    }

    /** {@code reason} says why the platform cannot tell, for the agent who will look. */
    public static DeliveryCheck unknown(String reason) {
        return new DeliveryCheck(State.UNKNOWN, null, reason);
    }
}
