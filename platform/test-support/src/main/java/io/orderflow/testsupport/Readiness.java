package io.orderflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a child process (the registry, a service of the end-to-end suite) to answer
 * its readiness probe.
 */
public final class Readiness {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Readiness() {
	}

	/**
	 * Polls the probe until it answers 200.
	 * @param process the process that serves the probe
	 * @param probe the readiness URL
	 * @param timeout how long the process may take
	 * @param name the process, as the failure names it
	 * @param log the process's output, which the failure points to
	 * @throws IllegalStateException when the process exits first, does not get ready in
	 * time, or the waiting thread is interrupted
	 */
	public static void await(Process process, URI probe, Duration timeout, String name, Path log) {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest ready = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + name, ex);
			}
			process.onExit().completeOnTimeout(process, 100, TimeUnit.MILLISECONDS).join();
		}
		throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
	}

}
