package org.sunlight.notification;

/** Where a notification goes: the notification centre, mail, or an IM group robot. */
public enum Channel {

	IN_APP, MAIL, DINGTALK, WECOM;

	/** IM group robots post to a group, not to a person: preferences and quiet hours do not apply. */
	public boolean robot() {
		return this == DINGTALK || this == WECOM;
	}

}
