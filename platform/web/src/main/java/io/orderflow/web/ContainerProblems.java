package io.orderflow.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details for the errors Tomcat answers itself, before any filter or controller
 * runs: a request line or path it cannot read (a {@code %00} or an encoded {@code /} in
 * the path, an invalid URI), a header it refuses. Tomcat would answer those with its HTML
 * error page; this answers with the suite's {@code bad-request} problem (or, for another
 * status, the status's own title), never quoting the request.
 * <p>
 * An {@link ErrorReportValve} added to the host after Spring Boot's: the innermost error
 * report valve writes the report, the ones around it find it written.
 */
class ContainerProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> context.getParent().getPipeline().addValve(new ProblemValve()));
	}

	@Override
	public int getOrder() {
		// after Spring Boot's own customizer, which adds its (HTML) error report valve
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The JSON body of a problem Tomcat answers.
	 * @param status the response status
	 * @return an RFC 9457 problem with fixed text
	 */
	static String body(int status) {
		if (status == HttpStatus.BAD_REQUEST.value()) {
			return json(Problems.TYPE_BASE + "bad-request", "Bad request", status,
					"The request is malformed: its request line, path or headers cannot be read");
		}
		HttpStatus known = HttpStatus.resolve(status);
		return json("about:blank", (known != null) ? known.getReasonPhrase() : "Error", status, null);
	}

	private static String json(String type, String title, int status, @Nullable String detail) {
		return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ((detail != null) ? ",\"detail\":\"" + detail + "\"" : "") + "}";
	}

	static final class ProblemValve extends ErrorReportValve {

		ProblemValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away, or the response cannot take a body: nothing to
				// report
			}
		}

	}

}
