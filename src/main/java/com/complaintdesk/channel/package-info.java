/**
 * The port to the platforms (ChannelGateway) and the outbox that sends each reply, message and action once; the
 * Instagram, eBay and WeChat adapters and the sandbox below it.
 */
package com.complaintdesk.channel;
