package com.complaintdesk.channel;

/** A platform refused an outbound message or could not be reached; the send is rolled back and retried. */
public class ChannelException extends RuntimeException {

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
