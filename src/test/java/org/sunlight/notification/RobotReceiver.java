package org.sunlight.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for DingTalk's and WeCom's robot webhooks: records every request (path, query
 * and body) and answers with the next scripted answer, else {@code {"errcode":0,"errmsg":"ok"}}.
 */
final class RobotReceiver {

	record Received(String path, Map<String, String> query, String body) {
	}

	/** An answer the receiver gives once: HTTP status and body. */
	record Answer(int status, String body) {
	}

	private final HttpServer server;
	private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
	private final Map<String, Deque<Answer>> scripted = new java.util.concurrent.ConcurrentHashMap<>();

	RobotReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String path = exchange.getRequestURI().getPath();
			received.add(new Received(path, query(exchange.getRequestURI().getRawQuery()), body));
			Deque<Answer> answers = scripted.get(path);
			Answer answer = answers == null || answers.isEmpty() ? new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")
					: answers.poll();
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The next answers to requests on {@code path}, in order. */
	void script(String path, Answer... answers) {
		scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
	}

	List<Received> received(String path) {
		synchronized (received) {
			return received.stream().filter(r -> r.path().equals(path)).toList();
		}
	}

	void clear() {
		received.clear();
		scripted.clear();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				query.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
			}
		}
		return query;
	}

}
