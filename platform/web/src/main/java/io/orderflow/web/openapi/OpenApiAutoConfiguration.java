package io.orderflow.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orderflow.web.Problems;
import io.orderflow.web.security.Caller;
import io.orderflow.web.security.Scopes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every service's OpenAPI description shares (springdoc builds the rest from the
 * controllers): the service's name, the two ways to present a token of the suite's
 * authorization server ({@value #BEARER}: a token got elsewhere, e.g.
 * {@code ./orderflow token alice}; {@value #OAUTH2}: the authorization-code flow with
 * PKCE of a person, the client-credentials flow of the operators' client), the
 * {@value #PROBLEM} schema of RFC 9457 problem details, and the problem responses every
 * operation can give (400 when it takes input, 401, 403, 500 and 503), added where the
 * operation does not describe its own. Served at {@code /v3/api-docs} (OpenAPI 3.1), with
 * Swagger UI at {@code /swagger-ui.html}.
 */
@AutoConfiguration
@ConditionalOnClass({ OpenAPI.class, GlobalOpenApiCustomizer.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

	/** The security scheme of a bearer token. */
	public static final String BEARER = "bearer";

	/** The security scheme of the OAuth2 flows of the authorization server. */
	public static final String OAUTH2 = "oauth2";

	/** The schema of a problem detail. */
	public static final String PROBLEM = "Problem";

	/** A reference to {@value #PROBLEM}, for the responses a controller describes. */
	public static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

	static {
		// the caller comes from the token, never from the request's parameters
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	static final String PROBLEM_JSON = "application/problem+json";

	private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	@Bean
	OpenAPI orderflowOpenApi(Environment environment) {
		String name = environment.getProperty("spring.application.name", "orderflow");
		String issuer = environment.getProperty(ISSUER, "http://127.0.0.1:8084");
		return new OpenAPI()
			.info(new Info().title(name)
				.version(environment.getProperty("orderflow.api.version", "v1"))
				.description(environment.getProperty("orderflow.api.description",
						"The HTTP API of " + name + ". Every request carries an access token of the "
								+ "suite's authorization server (" + issuer + "); errors are RFC 9457 problem "
								+ "details whose type (" + Problems.TYPE_BASE + "...) is stable.")))
			.components(new Components().addSecuritySchemes(BEARER, bearer())
				.addSecuritySchemes(OAUTH2, oauth2(issuer))
				.addSchemas(PROBLEM, problemSchema()))
			// relative: the service that serves the description (and Swagger UI) is the
			// server
			.addServersItem(new Server().url("/").description("this service"))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(OAUTH2));
	}

	@Bean
	GlobalOpenApiCustomizer orderflowProblemResponses() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations().forEach(OpenApiAutoConfiguration::addProblemResponses));
		};
	}

	private static void addProblemResponses(Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		boolean takesInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (takesInput) {
			responses.computeIfAbsent("400", (status) -> problem("The request is invalid: see errors", 400,
					"invalid-request", "Invalid request", "The request has invalid fields; see errors"));
		}
		responses.computeIfAbsent("401", (status) -> problem("No valid access token", 401, "unauthorized",
				"Unauthorized", "A valid access token is required"));
		responses.computeIfAbsent("403", (status) -> problem("The token lacks the scope, or names another customer",
				403, "forbidden", "Forbidden", "The access token does not allow this request"));
		responses.computeIfAbsent("500", (status) -> problem("A bug: logged, never explained", 500, "internal-error",
				"Internal server error", "An unexpected error occurred"));
		responses.computeIfAbsent("503",
				(status) -> problem("A dependency is down; retry after Retry-After seconds", 503, "service-unavailable",
						"Service unavailable", "The service cannot reach a dependency; retry later"));
	}

	/**
	 * @param description what the response means
	 * @param status its status
	 * @param type the problem type's name
	 * @param title the problem's title
	 * @param detail an example detail
	 * @return a problem-detail response with an example
	 */
	static ApiResponse problem(String description, int status, String type, String title, String detail) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", Problems.TYPE_BASE + type);
		example.put("title", title);
		example.put("status", status);
		example.put("detail", detail);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))
				.addExamples(type, new Example().value(example))));
	}

	private static SecurityScheme bearer() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("An access token of the suite's authorization server for the audience orderflow-api, "
					+ "e.g. ./orderflow token alice (a customer) or ./orderflow token --ops (the operators)");
	}

	private static SecurityScheme oauth2(String issuer) {
		io.swagger.v3.oas.models.security.Scopes person = new io.swagger.v3.oas.models.security.Scopes()
			.addString(Scopes.ORDERS, "place and read one's own orders");
		io.swagger.v3.oas.models.security.Scopes operators = new io.swagger.v3.oas.models.security.Scopes()
			.addString(Scopes.ORDERS_ADMIN, "read every customer's orders")
			.addString(Scopes.CATALOG_ADMIN, "create and change products and their stock")
			.addString(Scopes.ACCOUNTS_ADMIN, "open and change customer accounts")
			.addString(Scopes.OPS, "operations");
		return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("The authorization server's flows: a person signs in (authorization code with PKCE); "
					+ "the operators' client acts as itself (client credentials)")
			.flows(new OAuthFlows()
				.authorizationCode(new OAuthFlow().authorizationUrl(issuer + "/oauth2/authorize")
					.tokenUrl(issuer + "/oauth2/token")
					.scopes(person))
				.clientCredentials(new OAuthFlow().tokenUrl(issuer + "/oauth2/token").scopes(operators)));
	}

	private static Schema<?> problemSchema() {
		Schema<?> field = new ObjectSchema().description("One invalid input")
			.addProperty("field", new StringSchema().description("the field, parameter or header, as sent"))
			.addProperty("message", new StringSchema().description("what is wrong with it"))
			.required(List.of("field", "message"));
		Schema<?> problem = new ObjectSchema()
			.description("An RFC 9457 problem detail. type is stable and identifies the problem; detail is fixed "
					+ "text that never quotes the input; errors lists the invalid input")
			.addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_BASE + "invalid-request"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema().format("int32"))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty(Problems.ERRORS, new ArraySchema().items(field));
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

}
