package org.sunlight.identity.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers on every answer, pages and API alike (docs/security.md, "Response headers"). An
 * answer that sets its own policy keeps it: user content is served with a stricter sandbox
 * ({@code org.sunlight.system.InertDownload}).
 */
final class ResponseHeaders {

	/**
	 * Only the app's own scripts, no eval, nothing embedded, no base or form target elsewhere, never
	 * framed. Style attributes are allowed (bpmn-js, its properties panel and ECharts write markup
	 * with {@code style="…"}); style elements and sheets only from the app itself.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ",
			"default-src 'self'",
			"script-src 'self'",
			"style-src 'self'",
			"style-src-attr 'unsafe-inline'",
			"img-src 'self' data: blob:",
			"font-src 'self' data:",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'none'",
			"frame-ancestors 'none'",
			"form-action 'self'");

	/** Nothing the app uses; a page that was subverted still cannot ask for them. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), hid=(), display-capture=(), fullscreen=(self)";

	private ResponseHeaders() {
	}

	static void configure(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(nosniff -> {
			})
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
			.crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN));
	}

}
