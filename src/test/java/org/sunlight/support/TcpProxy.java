package org.sunlight.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real server that a test can make silent: while held, it accepts
 * connections and bytes but passes nothing on, as a database that went away behind a firewall
 * does (no reset, just no answer). Released, it passes bytes again.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;
	private final String targetHost;
	private final int targetPort;
	private final List<Socket> sockets = new CopyOnWriteArrayList<>();
	private final Object gate = new Object();
	private volatile boolean held;
	private volatile boolean closed;

	public TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	/** From now on nothing passes in either direction until {@link #release}. */
	public void hold() {
		held = true;
	}

	public void release() {
		synchronized (gate) {
			held = false;
			gate.notifyAll();
		}
	}

	private void accept() {
		while (!closed) {
			try {
				Socket client = server.accept();
				Socket target = new Socket(targetHost, targetPort);
				sockets.add(client);
				sockets.add(target);
				pipe(client, target);
				pipe(target, client);
			}
			catch (IOException ex) {
				if (closed) {
					return;
				}
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					waitWhileHeld();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed: the other follows
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private void waitWhileHeld() throws InterruptedException {
		synchronized (gate) {
			while (held && !closed) {
				gate.wait(100);
			}
		}
	}

	@Override
	public void close() throws IOException {
		closed = true;
		release();
		server.close();
		sockets.forEach(TcpProxy::closeQuietly);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
