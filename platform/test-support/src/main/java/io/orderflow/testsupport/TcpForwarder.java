package io.orderflow.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port that refuses connections until {@link #start() started}, then forwards each
 * connection to a target until {@link #close() closed}: a dependency that "comes back" or
 * "goes away". Kafka clients bootstrap through it (afterwards they talk to the broker's
 * advertised address directly); HTTP clients, e.g. of the schema registry, go through it
 * for every connection.
 */
public final class TcpForwarder implements AutoCloseable {

	private final int port;

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	/**
	 * @param target {@code host:port} to forward to
	 */
	public TcpForwarder(String target) {
		String[] hostAndPort = target.split(":");
		this.target = new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return {@code 127.0.0.1:<port>}, refusing connections until started
	 */
	public String address() {
		return "127.0.0.1:" + this.port;
	}

	public void start() throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = server;
		daemon("forwarder-accept", () -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(this.target.getHostString(), this.target.getPort());
					this.sockets.add(client);
					this.sockets.add(upstream);
					daemon("forwarder-up", () -> pump(client, upstream));
					daemon("forwarder-down", () -> pump(upstream, client));
				}
				catch (IOException ex) {
					// closed
				}
			}
		});
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// best effort
		}
	}

	@Override
	public void close() {
		ServerSocket server = this.server;
		if (server != null) {
			closeQuietly(server);
		}
		this.sockets.forEach(TcpForwarder::closeQuietly);
	}

}
