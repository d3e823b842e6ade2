package org.sunlight.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sunlight.identity.CurrentUser;
import org.sunlight.identity.Roles;
import org.sunlight.system.ProblemResponses;

/**
 * Who may call what. The browser signs in with a form and a session cookie, protected by a CSRF
 * token the app echoes from the {@code XSRF-TOKEN} cookie; API clients send HTTP Basic on every
 * request. Anything under {@code /api} without a rule here is refused.
 */
@Configuration
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ObjectMapper json, UserAccounts accounts, MessageSource messages,
			PasswordEncoder encoder, SignInAttempts attempts, SignInThrottle throttle,
			@Value("${sunlight.security.lockout:PT15M}") Duration lockout) throws Exception {
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		// A browser never adds an Authorization header to a forged cross-site request on its own
		// (Sunlight never asks it to remember Basic credentials), so Basic clients need no token.
		RequestMatcher basicClient = request -> {
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		};
		// Without a session there is nothing to forge: such an API call is anonymous and gets 401.
		RequestMatcher sessionlessApiCall = request -> request.getRequestURI().startsWith("/api/")
				&& request.getRequestedSessionId() == null;
		// The form and Basic share this one manager, so the throttle and the locks guard both.
		http.authenticationManager(new ProviderManager(new SignInGuard(accounts, encoder, attempts, throttle)));
		http.headers(ResponseHeaders::configure)
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
			.csrfTokenRequestHandler(csrfHandler)
			.ignoringRequestMatchers(basicClient, sessionlessApiCall))
			.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/public/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/me", "/api/home").authenticated()
				.requestMatchers(HttpMethod.GET, "/api/inbox/extensions").hasRole(Roles.LEADER)
				.requestMatchers(HttpMethod.GET, "/api/inbox/orders/issued").hasRole(Roles.SUPERVISOR)
				.requestMatchers(HttpMethod.GET, "/api/inbox/done", "/api/inbox/orders/replied").hasRole(Roles.HANDLER)
				.requestMatchers(HttpMethod.POST, "/api/models", "/api/models/validate").hasRole(Roles.DESIGNER)
				.requestMatchers(HttpMethod.GET, "/api/designer/powers/*/comparison")
				.hasAnyRole(Roles.DESIGNER, Roles.REVIEWER, Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/designer/**").hasAnyRole(Roles.DESIGNER, Roles.ADMIN)
				.requestMatchers("/api/designer/**").hasRole(Roles.DESIGNER)
				.requestMatchers(HttpMethod.POST, "/api/powers/*/versions/*/approve", "/api/powers/*/versions/*/reject")
				.hasRole(Roles.REVIEWER)
				.requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/**").hasAnyRole(Roles.REVIEWER, Roles.DESIGNER)
				.requestMatchers(HttpMethod.GET, "/api/powers", "/api/powers/**")
				.hasAnyRole(Roles.DESIGNER, Roles.REVIEWER, Roles.HANDLER, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/cases").hasRole(Roles.HANDLER)
				.requestMatchers(HttpMethod.POST, "/api/cases/*/clock/**").hasRole(Roles.HANDLER)
				.requestMatchers(HttpMethod.POST, "/api/cases/*/extensions").hasRole(Roles.HANDLER)
				.requestMatchers(HttpMethod.POST, "/api/cases/*/comments", "/api/cases/*/attachments")
				.hasRole(Roles.HANDLER)
				.requestMatchers(HttpMethod.GET, "/api/orders").hasAnyRole(Roles.HANDLER, Roles.SUPERVISOR, Roles.LEADER)
				.requestMatchers(HttpMethod.POST, "/api/cases/*/extensions/approve", "/api/cases/*/extensions/reject")
				.hasRole(Roles.LEADER)
				.requestMatchers(HttpMethod.GET, "/api/cases/**", "/api/tasks", "/api/tasks/**")
				.hasAnyRole(Roles.HANDLER, Roles.SUPERVISOR, Roles.LEADER)
				.requestMatchers(HttpMethod.POST, "/api/tasks/*/claim", "/api/tasks/*/unclaim", "/api/tasks/*/complete",
						"/api/tasks/*/reassign")
				.hasRole(Roles.HANDLER)
				.requestMatchers(HttpMethod.GET, "/api/escalations", "/api/escalations/**")
				.hasAnyRole(Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/escalations/*/acknowledge", "/api/escalations/*/orders",
						"/api/escalations/*/findings")
				.hasRole(Roles.SUPERVISOR)
				.requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/verify").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/audit/checkpoints").hasRole(Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/org")
				.hasAnyRole(Roles.ADMIN, Roles.DESIGNER, Roles.REVIEWER, Roles.SUPERVISOR, Roles.LEADER)
				.requestMatchers(HttpMethod.POST, "/api/org/units", "/api/org/departments", "/api/org/posts",
						"/api/org/people", "/api/org/people/*/unlock")
				.hasRole(Roles.ADMIN)
				.requestMatchers(HttpMethod.PUT, "/api/org/units/*", "/api/org/units/*/leaders", "/api/org/departments/*",
						"/api/org/people/*", "/api/org/supervisors/*", "/api/org/designers/*")
				.hasRole(Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/console/**").hasAnyRole(Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/risks", "/api/risks/**")
				.hasAnyRole(Roles.SUPERVISOR, Roles.LEADER, Roles.DESIGNER, Roles.ADMIN)
				.requestMatchers("/api/notifications/failed", "/api/notifications/failed/**").hasRole(Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/unread-count",
						"/api/notifications/stream", "/api/notifications/preferences")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/api/notifications/*/read", "/api/notifications/read-all").authenticated()
				.requestMatchers(HttpMethod.PUT, "/api/notifications/preferences").authenticated()
				.requestMatchers(HttpMethod.GET, "/api/calendar/**").authenticated()
				.requestMatchers(HttpMethod.PUT, "/api/calendar/**").hasRole(Roles.ADMIN)
				.requestMatchers("/api/**", "/actuator/**").denyAll()
				.anyRequest().permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> refused(request, response,
					json, messages, ex, lockout)))
			.formLogin(form -> form.loginPage("/login")
				.loginProcessingUrl("/login")
				.successHandler((request, response, authentication) -> signedIn(response, json, accounts, authentication))
				.failureHandler((request, response, ex) -> refused(request, response, json, messages, ex, lockout)))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
			.exceptionHandling(ex -> ex
				.defaultAuthenticationEntryPointFor(
						(request, response, e) -> unauthorized(request, response, json,
								message(messages, request, "error.unauthorized")),
						request -> request.getRequestURI().startsWith("/api/"))
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						request -> true)
				.accessDeniedHandler((request, response, e) -> write(response, json,
						ProblemResponses.of(HttpStatus.FORBIDDEN, forbidden(request, e)))));
		return http.build();
	}

	/** The app reads the token from a cookie that no other site's request carries (SameSite, as the session's). */
	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
		return tokens;
	}

	/** A rule of a module says why ("not assigned to you"); a role rule says what was refused. */
	private static String forbidden(HttpServletRequest request, AccessDeniedException ex) {
		String reason = ex.getMessage();
		return reason == null || reason.equals("Access Denied")
				? "your role does not allow " + request.getMethod() + " " + request.getRequestURI() : reason;
	}

	/**
	 * A refused sign-in, form or Basic: throttled is 429 with {@code Retry-After}; anything else 401.
	 * Basic's entry point also answers requests that carried no credentials at all.
	 */
	private static void refused(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
			MessageSource messages, AuthenticationException ex, Duration lockout) throws IOException {
		if (ex instanceof SignInGuard.SignInThrottledException throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			write(response, json, ProblemResponses.of(HttpStatus.TOO_MANY_REQUESTS,
					message(messages, request, "error.signInThrottled", throttled.retryAfterSeconds())));
			return;
		}
		unauthorized(request, response, json,
				ex instanceof BadCredentialsException || ex instanceof AccountStatusException
						? failure(messages, request, ex, lockout) : message(messages, request, "error.unauthorized"));
	}

	/** Why a sign-in failed: a locked or disabled account says so; anything else is just "wrong". */
	private static String failure(MessageSource messages, HttpServletRequest request, AuthenticationException ex,
			Duration lockout) {
		if (ex instanceof LockedException) {
			return message(messages, request, "error.accountLocked", lockout.toMinutes());
		}
		if (ex instanceof DisabledException) {
			return message(messages, request, "error.accountDisabled");
		}
		return message(messages, request, "error.badCredentials");
	}

	/** Security answers before Spring MVC resolves a locale; Chinese unless the client asks otherwise. */
	private static String message(MessageSource messages, HttpServletRequest request, String key, Object... args) {
		Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	private static void signedIn(HttpServletResponse response, ObjectMapper json, UserAccounts accounts,
			Authentication authentication) throws IOException {
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), CurrentUser.of(authentication, accounts.displayName(authentication.getName())));
	}

	/** Browser calls (X-Requested-With) get no Basic challenge, so no native password dialog pops up. */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
			String detail) throws IOException {
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Sunlight\"");
		}
		write(response, json, ProblemResponses.of(HttpStatus.UNAUTHORIZED, detail));
	}

	private static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** Spring Security loads the token lazily; the app needs the cookie before its first write. */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
