package org.sunlight.notification.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.sunlight.notification.Channel;

/** Mail through Spring Mail ({@code spring.mail.*}), UTF-8 subject and body. */
@Component
class MailDelivery implements Sender {

	private final ObjectProvider<JavaMailSender> mail;
	private final NotificationProperties properties;

	MailDelivery(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	@Override
	public Channel channel() {
		return Channel.MAIL;
	}

	@Override
	public void send(OutboxStore.Claimed message) throws Exception {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("mail is not configured (spring.mail.host)");
		}
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
		helper.setFrom(properties.getMailFrom());
		helper.setTo(message.address());
		helper.setSubject("【阳光审批】" + message.subject());
		String link = message.link() == null ? "" : "\n\n" + properties.getBaseUrl() + message.link();
		helper.setText(message.body() + link + "\n\n— 阳光审批 电子监察系统", false);
		sender.send(mime);
	}

}
