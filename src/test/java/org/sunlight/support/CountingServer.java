package org.sunlight.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that answers every request with the same body and counts them: what a
 * parser would fetch from an address in an upload, which the tests require to stay at zero.
 */
public final class CountingServer {

	private final HttpServer server;
	private final AtomicInteger requests = new AtomicInteger();

	private CountingServer(String body) throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
	}

	public static CountingServer start(String body) throws IOException {
		return new CountingServer(body);
	}

	/** {@code http://127.0.0.1:port}, for addresses in an upload. */
	public String base() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public AtomicInteger requests() {
		return requests;
	}

	public void stop() {
		server.stop(0);
	}

}
