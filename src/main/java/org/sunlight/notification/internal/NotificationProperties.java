package org.sunlight.notification.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.sunlight.notification.Channel;
import org.sunlight.notification.EventKind;

/** {@code sunlight.notification.*} (docs/notifications.md). */
@ConfigurationProperties("sunlight.notification")
public class NotificationProperties {

	/** How long a node may hold a claimed row before another node takes it over (a node killed mid-delivery). */
	private Duration lease = Duration.ofMinutes(2);

	/** Attempts before a row is FAILED and waits for the administrator. */
	private int maxAttempts = 5;

	/** The wait after the first failed attempt; it doubles after each further one, up to {@link #maxRetryDelay}. */
	private Duration firstRetryDelay = Duration.ofSeconds(30);

	private Duration maxRetryDelay = Duration.ofHours(1);

	/** Rows one poll claims at most. */
	private int batch = 50;

	/** Whether this node runs the delivery worker on a schedule (tests call it themselves). */
	private boolean worker = true;

	/** The app's address for links in mail and IM messages, e.g. https://sunlight.example.gov.cn. */
	private String baseUrl = "";

	/** Sender address of mail; mail is sent only when {@code spring.mail.host} is set. */
	private String mailFrom = "sunlight@localhost";

	/** Time out for one HTTP call to an IM robot. */
	private Duration robotTimeout = Duration.ofSeconds(10);

	/** Quiet hours for people who set none (both null: none). */
	private LocalTime defaultQuietFrom;

	private LocalTime defaultQuietTo;

	private List<Robot> robots = new ArrayList<>();

	/** An IM group robot and what it hears: departments and event kinds (empty: all). */
	public static class Robot {

		private String name;

		private Channel kind;

		private String webhook;

		/** DingTalk's signing secret ({@code SEC...}); none: unsigned (keyword or IP security). */
		private String secret;

		private List<String> departments = new ArrayList<>();

		private List<EventKind> events = new ArrayList<>();

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Channel getKind() {
			return kind;
		}

		public void setKind(Channel kind) {
			if (kind != null && !kind.robot()) {
				throw new IllegalArgumentException("a robot's kind is DINGTALK or WECOM, not " + kind);
			}
			this.kind = kind;
		}

		public String getWebhook() {
			return webhook;
		}

		public void setWebhook(String webhook) {
			this.webhook = webhook;
		}

		public String getSecret() {
			return secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public List<String> getDepartments() {
			return departments;
		}

		public void setDepartments(List<String> departments) {
			this.departments = departments;
		}

		public List<EventKind> getEvents() {
			return events;
		}

		public void setEvents(List<EventKind> events) {
			this.events = events;
		}

		/** Whether the robot hears this kind of event in this department (no department: unit-wide events). */
		public boolean hears(EventKind kind, String department) {
			return (events.isEmpty() || events.contains(kind))
					&& (departments.isEmpty() || department != null && departments.contains(department));
		}

	}

	public Duration getLease() {
		return lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public int getMaxAttempts() {
		return maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getFirstRetryDelay() {
		return firstRetryDelay;
	}

	public void setFirstRetryDelay(Duration firstRetryDelay) {
		this.firstRetryDelay = firstRetryDelay;
	}

	public Duration getMaxRetryDelay() {
		return maxRetryDelay;
	}

	public void setMaxRetryDelay(Duration maxRetryDelay) {
		this.maxRetryDelay = maxRetryDelay;
	}

	public int getBatch() {
		return batch;
	}

	public void setBatch(int batch) {
		this.batch = batch;
	}

	public boolean isWorker() {
		return worker;
	}

	public void setWorker(boolean worker) {
		this.worker = worker;
	}

	public String getBaseUrl() {
		return baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getMailFrom() {
		return mailFrom;
	}

	public void setMailFrom(String mailFrom) {
		this.mailFrom = mailFrom;
	}

	public Duration getRobotTimeout() {
		return robotTimeout;
	}

	public void setRobotTimeout(Duration robotTimeout) {
		this.robotTimeout = robotTimeout;
	}

	public LocalTime getDefaultQuietFrom() {
		return defaultQuietFrom;
	}

	public void setDefaultQuietFrom(LocalTime defaultQuietFrom) {
		this.defaultQuietFrom = defaultQuietFrom;
	}

	public LocalTime getDefaultQuietTo() {
		return defaultQuietTo;
	}

	public void setDefaultQuietTo(LocalTime defaultQuietTo) {
		this.defaultQuietTo = defaultQuietTo;
	}

	public List<Robot> getRobots() {
		return robots;
	}

	public void setRobots(List<Robot> robots) {
		this.robots = robots;
	}

	/** The wait before attempt {@code attempts + 1}: the first delay doubled per attempt made, capped. */
	public Duration retryDelay(int attempts) {
		Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
		return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
	}

}
